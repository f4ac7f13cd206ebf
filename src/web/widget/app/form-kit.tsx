// Shared plumbing for the widget's forms: values, validation, server field errors, one idempotency key per content.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { FormResult } from './conversation';
import { randomId } from './format';
import type { FieldErrors } from './types';

export type Values = Record<string, string>;
export type SubmitForm = (body: Record<string, unknown>, summary: string, key: string) => Promise<FormResult>;

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

interface FormOptions {
  idPrefix: string;
  initial: Values;
  validate: (values: Values) => FieldErrors;
  toBody: (values: Values) => { body: Record<string, unknown>; summary: string };
  submit: SubmitForm;
}

export function useForm({ idPrefix, initial, validate, toBody, submit }: FormOptions) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The same content keeps the same key, so a double submit or a retry never creates two RMAs or tickets.
  const lastKey = useRef({ content: '', key: '' });

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    setTimeout(() => {
      const invalid = form.current && form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (invalid) invalid.focus();
    });
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    const found = validate(values);
    if (Object.keys(found).length) return showErrors(found);
    setErrors({});
    const { body, summary } = toBody(values);
    const content = JSON.stringify(body);
    if (lastKey.current.content !== content) lastKey.current = { content, key: randomId() };
    setSending(true);
    const result = await submit(body, summary, lastKey.current.key);
    setSending(false);
    if (typeof result === 'object') showErrors(result);
  };

  // Changing a field clears its error: the message described the old value.
  const set = (name: string, value: string) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setErrors((previous) => {
      if (!previous[name]) return previous;
      const rest = { ...previous };
      delete rest[name];
      return rest;
    });
  };

  /** Props for an input, select or textarea bound to one field, with its error wired for screen readers. */
  const bind = (name: string) => ({
    id: `${idPrefix}-${name}`,
    name,
    value: values[name] || '',
    onInput: (event: Event) => set(name, (event.currentTarget as HTMLInputElement).value),
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': errors[name] ? `${idPrefix}-${name}-error` : undefined,
  });

  return { values, errors, sending, form, onSubmit, set, bind, idPrefix };
}

export type FormState = ReturnType<typeof useForm>;

export function Field({ state, name, label, children }: { state: FormState; name: string; label: string; children: ComponentChildren }) {
  const error = state.errors[name];
  return (
    <div class="field">
      <label for={`${state.idPrefix}-${name}`}>{label}</label>
      {children}
      {error && (
        <p class="field-error" id={`${state.idPrefix}-${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function FormCard({ state, title, submitLabel, children }: { state: FormState; title: string; submitLabel: string; children: ComponentChildren }) {
  return (
    <form class="form-card" ref={state.form} onSubmit={state.onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {children}
      <button type="submit" class="primary" aria-disabled={state.sending ? 'true' : undefined}>
        {state.sending ? 'Sending…' : submitLabel}
      </button>
    </form>
  );
}
