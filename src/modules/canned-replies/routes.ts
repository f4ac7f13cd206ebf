// Canned replies API: any staff member lists them and fills one in for a ticket; only admins create, change or delete.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { errorResponses, NoBody } from '../../http/schemas';
import { staffOf } from '../auth/guard';
import { CannedReplyBody, CannedReplyJson, CannedReplyListJson, CannedReplyParams, RenderedReplyJson, RenderParams } from './schema';

export async function cannedReplyRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const canned = services.cannedReplies;
  const agent = { access: 'agent' } as const;
  const admin = { access: 'admin' } as const;
  const actorId = (request: Parameters<typeof staffOf>[0]) => staffOf(request).user.id;

  app.get('/api/dashboard/canned-replies', { config: agent, schema: { response: { 200: CannedReplyListJson, ...errorResponses(401) } } }, async () => ({
    items: await canned.list(),
    variables: canned.variables(),
  }));

  app.post('/api/dashboard/canned-replies', { config: admin, schema: { body: CannedReplyBody, response: { 201: CannedReplyJson, ...errorResponses(400, 401, 403, 409) } } }, async (request, reply) =>
    reply.code(201).send(await canned.create(request.body, actorId(request))),
  );

  app.put('/api/dashboard/canned-replies/:id', { config: admin, schema: { params: CannedReplyParams, body: CannedReplyBody, response: { 200: CannedReplyJson, ...errorResponses(400, 401, 403, 404, 409) } } }, async (request) =>
    canned.update(request.params.id, request.body, actorId(request)),
  );

  app.delete('/api/dashboard/canned-replies/:id', { config: admin, schema: { params: CannedReplyParams, response: { 204: NoBody('Deleted'), ...errorResponses(401, 403, 404) } } }, async (request, reply) => {
    await canned.remove(request.params.id);
    return reply.code(204).send(undefined);
  });

  app.get('/api/dashboard/tickets/:id/canned-replies/:replyId', { config: agent, schema: { params: RenderParams, response: { 200: RenderedReplyJson, ...errorResponses(400, 401, 404) } } }, async (request) =>
    canned.render(request.params.replyId, request.params.id, actorId(request)),
  );
}
