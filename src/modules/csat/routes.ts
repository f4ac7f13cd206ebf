// POST /api/widget/sessions/:sessionId/forms/csat: the 1–5 star rating (W10).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { SessionParams } from '../widget/schema';
import { formLimit, installFormCors, rejectInvalidForm } from '../tickets/widget-forms';
import { CSAT_FIELD_MESSAGES, CsatFormBody } from './schema';

export async function csatRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  installFormCors(fastify, services);

  app.post(
    '/api/widget/sessions/:sessionId/forms/csat',
    { schema: { params: SessionParams, body: CsatFormBody }, attachValidation: true, config: formLimit(services) },
    async (request) => {
      rejectInvalidForm(request, CsatFormBody, CSAT_FIELD_MESSAGES);
      return services.csat.rate(request.params.sessionId, request.body);
    },
  );
}
