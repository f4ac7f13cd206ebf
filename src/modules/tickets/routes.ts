// POST /api/widget/sessions/:sessionId/forms/stylist: the stylist request form (W7).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { idempotencyKeyOf, rejectInvalidForm } from '../widget/forms';
import type { RouteLimit } from '../widget/routes';
import { IdempotencyHeaders, SessionParams } from '../widget/schema';
import { STYLIST_FIELD_MESSAGES, StylistFormBody } from './schema';
import { SESSION_ERRORS, StylistAnswerJson } from '../widget/response-schema';
import { clientKey } from '../../http/client-key';

/** Registered by the widget API (src/modules/widget/routes.ts), which gives it CORS and the rate limit. */
export async function stylistFormRoutes(fastify: FastifyInstance, { services, limit }: { services: Services; limit: RouteLimit }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/widget/sessions/:sessionId/forms/stylist',
    { schema: { summary: 'The stylist request form: opens a ticket', params: SessionParams, headers: IdempotencyHeaders, body: StylistFormBody, response: { 200: StylistAnswerJson, ...SESSION_ERRORS } }, attachValidation: true, config: limit },
    async (request) => {
      rejectInvalidForm(request, StylistFormBody, STYLIST_FIELD_MESSAGES);
      return services.stylistForm.submit(request.params.sessionId, request.body, { idempotencyKey: idempotencyKeyOf(request), clientAddress: clientKey(request.ip) });
    },
  );
}
