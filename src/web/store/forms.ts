// Validation of the store's HTML forms: field-level messages a shopper can act on.
import type { CheckoutInput } from '../../modules/orders/service';
import type { ContactInput } from '../../modules/contact/service';
import { maskCardNumbersIn } from '../../engine/index';

export const EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;
const ORDER_NUMBER_PATTERN = /^(GG-?)?\d{6}$/i;

export type FormValues = Record<string, string>;

/** Reads a urlencoded body into trimmed strings; anything else becomes an empty form. */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') values[key] = value.trim();
    else if (Array.isArray(value) && typeof value[0] === 'string') values[key] = value[0].trim();
  }
  return values;
}

type Rule = { required?: boolean; max: number; pattern?: RegExp; patternMessage?: string; label: string };

function check(values: FormValues, rules: Record<string, Rule>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const value = values[name] ?? '';
    if (!value) {
      if (rule.required) errors[name] = `Please enter ${rule.label}.`;
    } else if (value.length > rule.max) errors[name] = `${rule.label.charAt(0).toUpperCase() + rule.label.slice(1)} must be at most ${rule.max} characters.`;
    else if (rule.pattern && !rule.pattern.test(value)) errors[name] = rule.patternMessage ?? `Please check ${rule.label}.`;
  }
  return errors;
}

export function validateCheckout(values: FormValues): { errors: Record<string, string>; input?: CheckoutInput } {
  const errors = check(values, {
    name: { required: true, max: 120, label: 'your full name' },
    email: { required: true, max: 254, pattern: EMAIL_PATTERN, patternMessage: 'Please enter an email like name@example.com.', label: 'your email' },
    phone: { max: 40, pattern: /^[+()\d\s.-]{6,}$/, patternMessage: 'Please enter a phone number with digits only.', label: 'a phone number' },
    line1: { required: true, max: 200, label: 'your street address' },
    line2: { max: 200, label: 'the apartment or suite' },
    city: { required: true, max: 100, label: 'your city' },
    postalCode: { required: true, max: 20, pattern: /^[A-Za-z0-9 -]{3,}$/, patternMessage: 'Please enter a valid postal code.', label: 'your postal code' },
    country: { required: true, max: 60, pattern: /^[A-Za-z]{2}$/, patternMessage: 'Please use a two-letter country code such as US.', label: 'a country' },
  });
  if (Object.keys(errors).length) return { errors };
  // The order keeps these and the dashboard shows them: a card number typed into any of them is masked (W16).
  const typed = maskCardNumbersIn({
    name: values.name!,
    email: values.email!.toLowerCase(),
    phone: values.phone || undefined,
    line1: values.line1!,
    line2: values.line2 || undefined,
    city: values.city!,
    postalCode: values.postalCode!,
    country: values.country!.toUpperCase(),
  });
  const conciergeSessionId = /^[A-Za-z0-9_-]{8,64}$/.test(values.conciergeSessionId ?? '') ? values.conciergeSessionId : undefined;
  return { errors, input: { ...typed, conciergeSessionId } };
}

export function validateContact(values: FormValues): { errors: Record<string, string>; input?: ContactInput } {
  const errors = check(values, {
    name: { required: true, max: 120, label: 'your name' },
    email: { required: true, max: 254, pattern: EMAIL_PATTERN, patternMessage: 'Please enter an email like name@example.com.', label: 'your email' },
    orderNumber: { max: 20, pattern: ORDER_NUMBER_PATTERN, patternMessage: 'Order numbers look like GG-104233.', label: 'the order number' },
    message: { required: true, max: 4000, label: 'a message' },
  });
  if (Object.keys(errors).length) return { errors };
  const digits = values.orderNumber?.replace(/\D/g, '');
  const topic = values.topic ? `[${values.topic.slice(0, 40)}] ` : '';
  return { errors, input: { name: values.name!, email: values.email!.toLowerCase(), orderNumber: digits ? `GG-${digits}` : undefined, message: topic + values.message! } };
}
