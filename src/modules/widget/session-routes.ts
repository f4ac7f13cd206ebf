// Sessions: start one (welcome blocks) and read one back with its messages (W2, W11).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ChatService } from './chat-service';
import type { RouteLimit } from './routes';
import { CreateSessionBody, SessionParams } from './schema';
import { SESSION_ERRORS, SessionJson, SessionStartedJson } from './response-schema';

export async function widgetSessionRoutes(fastify: FastifyInstance, { chat, limit }: { chat: ChatService; limit: RouteLimit }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/widget/sessions', { schema: { summary: 'Start a conversation (its welcome blocks)', body: CreateSessionBody, response: { 201: SessionStartedJson, ...SESSION_ERRORS } }, config: limit }, async (request, reply) => {
    const session = await chat.startSession(request.body ?? {});
    return reply.status(201).send(session);
  });

  app.get('/api/widget/sessions/:sessionId', { schema: { summary: 'A conversation with its messages', params: SessionParams, response: { 200: SessionJson, ...SESSION_ERRORS } }, config: limit }, async (request) => chat.session(request.params.sessionId));
}
