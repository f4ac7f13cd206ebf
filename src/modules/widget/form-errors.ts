// Form validation failures as 400s with `details.fields = { field: message }`, so the widget can mark each field.
import type { FastifyError } from 'fastify';
import { AppError } from '../../errors';

type FieldMessages = Record<string, string>;

export function formValidationError(error: Pick<FastifyError, 'validation'>, messages: FieldMessages): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.validation ?? []) {
    const path = issue.instancePath.replace(/^\//, '').split('/')[0] || ((issue.params as { missingProperty?: string }).missingProperty ?? '');
    const field = path || 'form';
    fields[field] ??= messages[field] ?? 'Please check this field.';
  }
  return new AppError('invalid_request', 'Please check the highlighted fields.', { fields });
}
