// Live dashboard API (issue 12 item 5), any staff member (agent+): the event stream and presence on a ticket.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { invalid } from '../../errors';
import { sessionCookieName, staffOf } from '../auth/guard';
import { PRESENCE_BEAT_MS } from './presence';
import { createLiveStreams } from './stream';
import { ErrorJson, EventStream, PresenceBody, PresenceJson, TicketIdParams } from './schema';

/** A heartbeat every 20 s stays under the usual 30-60 s idle timeouts of proxies and load balancers. */
export const STREAM_HEARTBEAT_MS = 20_000;

export async function liveRoutes(fastify: FastifyInstance, { services, heartbeatMs = STREAM_HEARTBEAT_MS }: { services: Services; heartbeatMs?: number }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { live, presence } = services;
  const streams = createLiveStreams();
  const agent = { access: 'agent' } as const;
  // The stream and the presence beats run on their own while a page is open: they never extend the session.
  const background = { access: 'agent', background: true } as const;
  const errors = { 401: ErrorJson, 403: ErrorJson };
  live.logTo(fastify.log);
  app.addHook('preClose', async () => streams.closeAll());
  app.addHook('onClose', async () => live.close());

  app.get('/api/dashboard/live', { config: background, schema: { response: { 200: EventStream, 400: ErrorJson, ...errors, 429: ErrorJson } } }, async (request, reply) => {
    // Only a client that asks for a stream gets one (an ordinary request would wait for an answer that never ends).
    if (!(request.headers.accept ?? '').includes('text/event-stream')) throw invalid('This address is an event stream: open it with EventSource (Accept: text/event-stream).');
    const token = request.cookies[sessionCookieName(services.config.mode)];
    const staffId = staffOf(request).user.id;
    await streams.serve(reply, {
      bus: live,
      heartbeatMs,
      owner: staffId,
      stillSignedIn: async () => {
        const session = token ? await services.auth.session(token, { touch: false }) : undefined;
        return session?.user.id === staffId;
      },
    });
  });

  app.get('/api/dashboard/tickets/:id/presence', { config: agent, schema: { params: TicketIdParams, response: { 200: PresenceJson, ...errors, 404: ErrorJson } } }, async (request) => ({
    viewers: await presence.others(request.params.id, staffOf(request).user.id),
    beatMs: PRESENCE_BEAT_MS,
  }));

  app.post(
    '/api/dashboard/tickets/:id/presence',
    { config: background, schema: { params: TicketIdParams, body: PresenceBody, response: { 200: PresenceJson, 400: ErrorJson, ...errors, 404: ErrorJson, 429: ErrorJson } } },
    async (request) => ({
      viewers: await presence.beat(request.params.id, staffOf(request).user.id, request.body.clientId, request.body.state),
      beatMs: PRESENCE_BEAT_MS,
    }),
  );
}
