// GET /api/dashboard/analytics/engines (admins): which engine answered the chat turns while LLM mode was on, the
// fallbacks and their reasons, p50/p95 latency per engine, tokens and cost per day (issue 13 item 7).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/schemas';
import type { Services } from '../../services';
import { dayRange } from '../dashboard/date-range';
import { RangeQuery } from '../dashboard/schema';
import { createLlmUsage } from './usage';

const Ms = Type.Union([Type.Number(), Type.Null()]);
const Percentiles = Type.Object({ p50: Ms, p95: Ms });

export const EngineReportJson = Type.Object({
  from: Type.String({ description: 'First day (YYYY-MM-DD)' }),
  to: Type.String({ description: 'Last day (YYYY-MM-DD)' }),
  llmMode: Type.Boolean({ description: 'LLM mode is on in this instance (LLM_BASE_URL set)' }),
  currency: Type.String(),
  turns: Type.Object({ total: Type.Integer(), llm: Type.Integer(), builtin: Type.Integer() }, { description: 'Turns answered while LLM mode was on' }),
  llmShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  fallbacks: Type.Object({ total: Type.Integer(), reasons: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer() })) }),
  latencyMs: Type.Object({ llm: Percentiles, builtin: Percentiles }),
  tokens: Type.Integer(),
  cost: Type.Number({ description: 'In `currency` (LLM_PRICE_PER_1K_TOKENS)' }),
  daily: Type.Array(Type.Object({ day: Type.String(), llm: Type.Integer(), builtin: Type.Integer(), fallbacks: Type.Integer(), tokens: Type.Integer(), cost: Type.Number() })),
});

export async function llmAnalyticsRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const usage = createLlmUsage(services.db.kysely, services.now);

  app.get(
    '/api/dashboard/analytics/engines',
    { config: { access: 'admin' }, schema: { summary: 'Chat turns by engine (LLM mode): share, fallbacks, latency, cost per day', querystring: RangeQuery, response: { 200: EngineReportJson, ...errorResponses(400, 401, 403) } } },
    async (request) => ({
      ...(await usage.report(dayRange(services.now(), request.query.from, request.query.to))),
      llmMode: services.llm !== null,
      currency: services.config.currency,
    }),
  );
}
