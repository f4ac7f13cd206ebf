// POST /api/widget/sessions/:sessionId/forms/order_lookup: the order-tracking form (W5).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ChatService } from './chat-service';
import { rejectInvalidForm } from './forms';
import type { RouteLimit } from './routes';
import { OrderLookupBody, SessionParams } from './schema';
import { RepliesJson, SESSION_ERRORS } from './response-schema';
import { clientKey } from '../../http/client-key';

const FIELD_MESSAGES = {
  orderNumber: 'Please enter your order number (it looks like GG-104233).',
  email: 'Please enter the email address you used at checkout.',
};

export async function widgetOrderLookupRoutes(fastify: FastifyInstance, { chat, limit }: { chat: ChatService; limit: RouteLimit }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/widget/sessions/:sessionId/forms/order_lookup',
    { schema: { summary: 'The order-tracking form: the order\'s status as reply blocks', params: SessionParams, body: OrderLookupBody, response: { 200: RepliesJson, ...SESSION_ERRORS } }, attachValidation: true, config: limit },
    async (request) => {
      rejectInvalidForm(request, OrderLookupBody, FIELD_MESSAGES);
      return chat.lookupOrder({ sessionId: request.params.sessionId, orderNumber: request.body.orderNumber, email: request.body.email, clientAddress: clientKey(request.ip) });
    },
  );
}
