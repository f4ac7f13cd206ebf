// Form validation failures as 400s with `details.fields = { field: message }`, so the widget can mark every field at once.
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../../errors';

type FieldMessages = Record<string, string>;

/** Every invalid field of `body` against `schema` (the route's validator stops at the first one). */
export function formValidationError(schema: TSchema, body: unknown, messages: FieldMessages): AppError {
  const fields: Record<string, string> = {};
  for (const issue of Value.Errors(schema, body ?? {})) {
    const params = issue.params as { requiredProperties?: string[] };
    const names = issue.instancePath ? [issue.instancePath.slice(1).split('/')[0]!] : (params.requiredProperties ?? ['form']);
    for (const name of names) fields[name] ??= messages[name] ?? 'Please check this field.';
  }
  return new AppError('invalid_request', 'Please check the highlighted fields.', { fields });
}
