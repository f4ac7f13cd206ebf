// POST /api/widget/sessions/:sessionId/messages: one chat turn; `Idempotency-Key` makes a retry safe (W13).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ChatService } from './chat-service';
import type { RouteLimit } from './routes';
import { IdempotencyHeaders, MessageBody, SessionParams } from './schema';
import { clientKey } from '../../http/client-key';
import { ChatAnswerJson, SESSION_ERRORS } from './response-schema';

export async function widgetMessageRoutes(fastify: FastifyInstance, { chat, limit }: { chat: ChatService; limit: RouteLimit }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/widget/sessions/:sessionId/messages',
    {
      schema: {
        summary: 'One chat turn: the concierge\'s reply blocks (a retry with the same Idempotency-Key gets the same answer)',
        params: SessionParams,
        body: MessageBody,
        headers: IdempotencyHeaders,
        response: { 200: ChatAnswerJson, ...SESSION_ERRORS },
      },
      config: limit,
    },
    async (request) =>
      chat.sendMessage({
        sessionId: request.params.sessionId,
        text: request.body.text,
        productId: request.body.productId,
        idempotencyKey: request.headers['idempotency-key'],
        clientAddress: clientKey(request.ip),
      }),
  );
}
