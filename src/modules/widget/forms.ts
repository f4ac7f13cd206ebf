// What the widget's form routes (order lookup, stylist, return, CSAT) share: validation failures as 400s with
// `details.fields = { field: message }`, so the widget can mark every field at once, and the idempotency key.
import type { FastifyRequest } from 'fastify';
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

/** For routes with `attachValidation`: a body that fails its schema becomes a 400 naming each field; a bad path or header as is. */
export function rejectInvalidForm(request: FastifyRequest, schema: TSchema, messages: FieldMessages): void {
  const error = request.validationError;
  if (!error) return;
  if (error.validationContext !== 'body') throw error;
  throw formValidationError(schema, request.body, messages);
}

/** The `Idempotency-Key` header, when the client sent one (its shape is checked by the route's schema). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? key : undefined;
}
