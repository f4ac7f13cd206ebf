// The demo mailbox (GET /dev/mailbox, /dev/mailbox/:id): not served in production.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { notFound } from '../../errors';
import { renderMailboxList, renderMailboxMessage } from './mailbox-page';
import { HtmlPage } from '../../http/schemas';

export async function mailRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  if (services.config.mode === 'production') return;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/dev/mailbox', { schema: { querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }), response: { 200: HtmlPage('The demo mailbox') } } }, async (request, reply) => {
    const pageSize = 50;
    const { items, total } = await services.mail.mailbox.list({ limit: pageSize, offset: ((request.query.page ?? 1) - 1) * pageSize });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderMailboxList(items, total, services.mail.transport));
  });

  app.get('/dev/mailbox/:id', { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }), response: { 200: HtmlPage('One email') } } }, async (request, reply) => {
    const message = await services.mail.mailbox.get(request.params.id);
    if (!message) throw notFound('That email');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderMailboxMessage(message, services.mail.transport));
  });

  // The email's own HTML, framed by the page above: no scripts, no requests, styles inline only.
  app.get('/dev/mailbox/:id/html', { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }), response: { 200: HtmlPage('The email\'s own HTML') } } }, async (request, reply) => {
    const message = await services.mail.mailbox.get(request.params.id);
    if (!message) throw notFound('That email');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox")
      .send(message.html);
  });
}
