// Response schemas of LLM mode's routes: the service's one error body ({"error":{"code","message"}}, src/http/errors.ts).
import { Type, type TSchema } from 'typebox';

const ErrorJson = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
});

/** The JSON error answers of these statuses. */
export function errorReplies(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, { ...ErrorJson, description: `An error (${status})` }]));
}
