// POST /api/widget/sessions/:sessionId/messages: one chat turn; `Idempotency-Key` makes a retry safe (W13).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ChatService } from './chat-service';
import type { RouteLimit } from './routes';
import { IdempotencyHeaders, MessageBody, SessionParams } from './schema';
import { clientKey } from '../../http/client-key';

export async function widgetMessageRoutes(fastify: FastifyInstance, { chat, limit }: { chat: ChatService; limit: RouteLimit }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/widget/sessions/:sessionId/messages',
    { schema: { params: SessionParams, body: MessageBody, headers: IdempotencyHeaders }, config: limit },
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
