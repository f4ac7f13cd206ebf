// POST /api/widget/sessions/:sessionId/messages/stream: the chat turn as server-sent events (LLM mode, issue 13).
// `text` events carry the model's words as they are generated, `block` events a tool's cards or form when it
// finishes, `reset` drops what was shown when the built-in engine takes over, and `done` the stored answer: exactly
// what POST …/messages answers, so the widget ends with the transcript the server keeps. Errors found before the
// turn runs (a bad body, an unknown session, a limit) are ordinary JSON errors; one after the stream opened is an
// `error` event. The same Idempotency-Key replays the stored answer as one `done` event, without calling the model.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../errors';
import { clientKey } from '../../http/client-key';
import { errorResponses } from '../../http/schemas';
import type { ChatService } from '../widget/chat-service';
import type { RouteLimit } from '../widget/routes';
import { IdempotencyHeaders, MessageBody, SessionParams } from '../widget/schema';
import type { TurnStream } from './responder';

const EventStream = {
  description:
    'Server-sent events: `text` {text} (append to the answer), `block` {a reply block}, `reset` {} (drop what this turn showed so far), then `done` {intent, confidence, replies, messageId} (the stored answer, as POST …/messages answers it) or `error` {error: {code, message}}',
  content: { 'text/event-stream': { schema: Type.String() } },
};

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

export async function widgetStreamRoutes(fastify: FastifyInstance, { chat, limit }: { chat: ChatService; limit: RouteLimit }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/widget/sessions/:sessionId/messages/stream',
    {
      schema: {
        summary: 'One chat turn, streamed as server-sent events (LLM mode)',
        params: SessionParams,
        body: MessageBody,
        headers: IdempotencyHeaders,
        response: { 200: EventStream, ...errorResponses(400, 404, 429, 503) },
      },
      config: limit,
    },
    async (request, reply) => {
      let out: PassThrough | null = null;
      const open = (): PassThrough => {
        if (!out) {
          out = new PassThrough();
          reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache, no-transform').header('x-accel-buffering', 'no');
          // A stream is sent as it is written; the response schema describes it, nothing serializes it.
          void (reply as unknown as FastifyReply).send(out);
        }
        return out;
      };
      const send = (event: string, data: unknown) => open().write(frame(event, data));
      const stream: TurnStream = { text: (text) => send('text', { text }), block: (block) => send('block', block), reset: () => send('reset', {}) };
      try {
        const answer = await chat.sendMessage(
          { sessionId: request.params.sessionId, text: request.body.text, productId: request.body.productId, idempotencyKey: request.headers['idempotency-key'], clientAddress: clientKey(request.ip) },
          stream,
        );
        send('done', answer);
      } catch (error) {
        if (!out) throw error;
        request.log.error({ err: error }, 'chat turn failed after its stream opened');
        const known = error instanceof AppError ? error : new AppError('internal', 'Something went wrong on our side. Please try again.');
        send('error', { error: { code: known.code, message: known.message } });
      }
      (out as PassThrough | null)?.end();
      return reply;
    },
  );
}
