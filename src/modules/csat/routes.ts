// POST /api/widget/sessions/:sessionId/forms/csat: the 1–5 star rating (W10).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { rejectInvalidForm } from '../widget/forms';
import type { RouteLimit } from '../widget/routes';
import { SessionParams } from '../widget/schema';
import { CSAT_FIELD_MESSAGES, CsatFormBody } from './schema';
import { CsatAnswerJson, SESSION_ERRORS } from '../widget/response-schema';

/** Registered by the widget API (src/modules/widget/routes.ts), which gives it CORS and the rate limit. */
export async function csatFormRoutes(fastify: FastifyInstance, { services, limit }: { services: Services; limit: RouteLimit }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/widget/sessions/:sessionId/forms/csat',
    { schema: { summary: 'Rate the conversation 1-5 (again: changes the rating)', params: SessionParams, body: CsatFormBody, response: { 200: CsatAnswerJson, ...SESSION_ERRORS } }, attachValidation: true, config: limit },
    async (request) => {
      rejectInvalidForm(request, CsatFormBody, CSAT_FIELD_MESSAGES);
      return services.csat.rate(request.params.sessionId, request.body);
    },
  );
}
