// POST /api/widget/sessions/:sessionId/forms/stylist: the stylist request form (W7).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { IdempotencyHeaders, SessionParams } from '../widget/schema';
import { STYLIST_FIELD_MESSAGES, StylistFormBody } from './schema';
import { formLimit, idempotencyKeyOf, installFormCors, rejectInvalidForm } from './widget-forms';

export async function stylistFormRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  installFormCors(fastify, services);

  app.post(
    '/api/widget/sessions/:sessionId/forms/stylist',
    { schema: { params: SessionParams, headers: IdempotencyHeaders, body: StylistFormBody }, attachValidation: true, config: formLimit(services) },
    async (request) => {
      rejectInvalidForm(request, StylistFormBody, STYLIST_FIELD_MESSAGES);
      return services.stylistForm.submit(request.params.sessionId, request.body, idempotencyKeyOf(request));
    },
  );
}
