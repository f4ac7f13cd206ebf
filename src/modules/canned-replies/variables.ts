// The variables a canned reply may use and how they are filled from a ticket's data. Pure: no I/O.
// An unknown variable is refused when the reply is saved; a known one without a value stays in the text as written
// and is reported as missing, so the agent fills it in instead of sending a blank or a guess.

export const CANNED_VARIABLES = {
  'customer.first_name': "The customer's first name (when the name starts with a plain first name)",
  'customer.name': "The customer's name as they gave it",
  'customer.email': "The customer's email address",
  'order.number': 'The number of the order the ticket is about',
  'ticket.id': 'The ticket number, e.g. #42',
  'ticket.answer_by': 'When the customer was promised a reply, in the shop’s time zone',
  'agent.name': 'Your name',
  'shop.name': 'The shop’s name',
} as const;

export type CannedVariable = keyof typeof CANNED_VARIABLES;
export type CannedValues = Record<CannedVariable, string | null>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export const isCannedVariable = (name: string): name is CannedVariable => Object.hasOwn(CANNED_VARIABLES, name);

/** Every variable named in the text, in order of first use. */
export function variablesIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The names in the text that are not variables we can fill (a typo like {{customer.frist_name}}). */
export function unknownVariables(body: string): string[] {
  return variablesIn(body).filter((name) => !isCannedVariable(name));
}

/** Fills each variable from the values; one without a value stays as `{{name}}` and is listed in `missing`. */
export function renderCanned(body: string, values: CannedValues): { text: string; missing: CannedVariable[] } {
  const missing = new Set<CannedVariable>();
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isCannedVariable(name)) return whole;
    const value = values[name];
    if (value === null || value === '') {
      missing.add(name);
      return `{{${name}}}`;
    }
    return value;
  });
  return { text, missing: [...missing] };
}
