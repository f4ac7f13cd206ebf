// POST /api/widget/sessions/:sessionId/forms/return (W6) and GET /returns/:rmaNumber/label (the printable label).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { AppError } from '../../errors';
import { idempotencyKeyOf, rejectInvalidForm } from '../widget/forms';
import type { RouteLimit } from '../widget/routes';
import { IdempotencyHeaders, SessionParams } from '../widget/schema';
import { isOfferedSize } from './policy';
import { renderLabelPage } from './label-page';
import { LabelParams, LabelQuery, RETURN_FIELD_MESSAGES, ReturnFormBody } from './schema';
import { clientKey } from '../../http/client-key';
import { HtmlPage } from '../../http/schemas';
import { ReturnAnswerJson, SESSION_ERRORS } from '../widget/response-schema';

/** The widget's return form; registered by the widget API (src/modules/widget/routes.ts), which gives it CORS and the rate limit. */
export async function returnFormRoutes(fastify: FastifyInstance, { services, limit }: { services: Services; limit: RouteLimit }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const policy = services.config.returns;

  app.post(
    '/api/widget/sessions/:sessionId/forms/return',
    { schema: { summary: 'The return or resize form: an RMA, or a stylist ticket for a complex resize', params: SessionParams, headers: IdempotencyHeaders, body: ReturnFormBody, response: { 200: ReturnAnswerJson, ...SESSION_ERRORS } }, attachValidation: true, config: limit },
    async (request) => {
      rejectInvalidForm(request, ReturnFormBody, RETURN_FIELD_MESSAGES);
      const { kind, newSize } = request.body;
      if (kind === 'resize' && (newSize === undefined || !isOfferedSize(newSize, policy))) {
        throw new AppError('invalid_request', 'Please check the highlighted fields.', {
          fields: { newSize: `Please choose a ring size from ${policy.minRingSize} to ${policy.maxRingSize} (half sizes too).` },
        });
      }
      return services.returns.submit(request.params.sessionId, request.body, { idempotencyKey: idempotencyKeyOf(request), clientAddress: clientKey(request.ip) });
    },
  );
}

/** The printable return label, opened from the customer's email. */
export async function returnLabelRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/returns/:rmaNumber/label', { schema: { params: LabelParams, querystring: LabelQuery, response: { 200: HtmlPage('The printable return label') } } }, async (request, reply) => {
    const label = await services.returns.label(request.params.rmaNumber, request.query.token ?? '');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .send(renderLabelPage(label));
  });
}
