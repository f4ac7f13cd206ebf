// Live dashboard on each database (issue 12 item 5): events on a real event stream for every change a ticket goes
// through (no customer text in them), a new CSAT rating, the 409 on a change made from a stale version (and the same
// check for bulk callers), and presence on a ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { cookiesFrom, createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_STAFF } from '../staff/demo';
import { openSse, type SseClient } from './testing/sse-client';
import { MAX_PRESENT_TABS } from './presence';

const [ADMIN, AGENT] = DEMO_STAFF;

describe.each(TEST_DIALECTS)('live dashboard on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  const sessions: Record<string, { cookie: string; csrf: string; id: number }> = {};
  const streams: SseClient[] = [];

  async function signIn(who: { email: string; password: string }) {
    const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: who.email, password: who.password } });
    expect(res.statusCode).toBe(200);
    return { cookie: cookiesFrom(res), csrf: res.json().csrfToken as string, id: res.json().user.id as number };
  }
  const as = (who: 'admin' | 'agent', method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: sessions[who]!.cookie, 'x-csrf-token': sessions[who]!.csrf }, ...(payload && { payload }) });
  async function stream(who: 'admin' | 'agent') {
    const client = await openSse(`${base}/api/dashboard/live`, { cookie: sessions[who]!.cookie });
    streams.push(client);
    expect(client.status).toBe(200);
    await client.next((e) => e.event === 'ready');
    return client;
  }
  async function newTicket(name: string, email: string, message: string): Promise<number> {
    const { sessionId } = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json() as { sessionId: string };
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/stylist`, payload: { name, email, message } });
    expect(res.statusCode).toBe(200);
    const row = await t.db.kysely.selectFrom('tickets').select('id').where('email', '=', email).orderBy('id', 'desc').executeTakeFirstOrThrow();
    return row.id;
  }
  const ticketEvent = (type: string, ticketId: number) => (e: { event: string; data: unknown }) => e.event === type && (e.data as { ticketId?: number }).ticketId === ticketId;

  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { WORKERS_ENABLED: 'false' } });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    sessions.admin = await signIn(ADMIN!);
    sessions.agent = await signIn(AGENT!);
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await t.close();
  });

  it('a stream needs a staff session, and only a client asking for text/event-stream gets one', async () => {
    const anonymous = await openSse(`${base}/api/dashboard/live`);
    expect(anonymous.status).toBe(401);
    anonymous.close();
    const json = await t.app.inject({ url: '/api/dashboard/live', headers: { cookie: sessions.agent!.cookie, accept: 'application/json' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toContain('event stream');
  });

  it('a new ticket, its assignment, status, a note and the customer’s emailed reply reach an open stream, without customer text', async () => {
    const client = await stream('agent');
    const id = await newTicket('Lena Ortiz', 'lena.live@example.com', 'Which chain suits the Wren pendant?');
    const created = await client.next(ticketEvent('ticket.created', id));
    expect(created.data).toMatchObject({ type: 'ticket.created', ticketId: id, actorId: null });

    expect((await as('admin', 'POST', `/api/dashboard/tickets/${id}/assign`, { assigneeId: sessions.agent!.id })).statusCode).toBe(200);
    expect((await client.next(ticketEvent('ticket.assigned', id))).data).toMatchObject({ actorId: sessions.admin!.id });
    expect((await as('agent', 'POST', `/api/dashboard/tickets/${id}/status`, { status: 'resolved' })).statusCode).toBe(200);
    expect((await client.next(ticketEvent('ticket.status', id))).data).toMatchObject({ actorId: sessions.agent!.id });
    expect((await as('agent', 'POST', `/api/dashboard/tickets/${id}/notes`, { body: 'Sent the chain guide' })).statusCode).toBe(201);
    await client.next(ticketEvent('ticket.updated', id));

    const reply = { fromAddress: 'lena.live@example.com', fromName: 'Lena Ortiz', subject: 'Re: your request', body: 'The 45 cm one, thanks!', attachments: [], messageId: '<live-1@example.com>', via: 'smtp' };
    await t.db.kysely.transaction().execute((trx) => t.app.services.tickets.customerEmails.threadReply(trx, id, reply));
    await client.next(ticketEvent('ticket.customer_message', id));
    // The reply reopened the resolved ticket: that is a status change too.
    await client.next((e) => ticketEvent('ticket.status', id)(e) && (e.data as { actorId: number | null }).actorId === null);

    const seen = JSON.stringify(client.events);
    for (const secret of ['Lena', 'lena.live@example.com', 'Wren', '45 cm', 'chain guide']) expect(seen).not.toContain(secret);
  });

  it('a new CSAT rating is an event', async () => {
    const client = await stream('admin');
    const { sessionId } = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json() as { sessionId: string };
    expect((await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/csat`, payload: { rating: 2, comment: 'Slow answer' } })).statusCode).toBe(200);
    expect((await client.next((e) => e.event === 'csat.rated')).data).toMatchObject({ type: 'csat.rated', rating: 2 });
  });

  it('a change of assignee or status made from a stale version is a 409 that says what changed; the current state stays', async () => {
    const id = await newTicket('Noor Haddad', 'noor.live@example.com', 'Can I resize the Aster ring?');
    const seen = (await as('agent', 'GET', `/api/dashboard/tickets/${id}`)).json() as { version: number; status: string };
    expect(seen.version).toBe(1);

    // A colleague assigns it meanwhile.
    const byAdmin = await as('admin', 'POST', `/api/dashboard/tickets/${id}/assign`, { assigneeId: sessions.admin!.id, version: seen.version });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().version).toBe(2);

    for (const [path, body] of [['assign', { assigneeId: sessions.agent!.id }], ['status', { status: 'resolved' }]] as const) {
      const stale = await as('agent', 'POST', `/api/dashboard/tickets/${id}/${path}`, { ...body, version: seen.version });
      expect(stale.statusCode, path).toBe(409);
      expect(stale.json().error.code).toBe('conflict');
      expect(stale.json().error.message).toBe(
        `Ticket #${id} changed while you had it open: Avery Admin assigned it to Avery Admin. It is now Open, assigned to Avery Admin. Your change was not saved; check the ticket as it is now and choose again.`,
      );
      expect(stale.json().error.details.current).toEqual({ version: 2, status: 'open', assigneeId: sessions.admin!.id });
    }
    const after = (await as('agent', 'GET', `/api/dashboard/tickets/${id}`)).json();
    expect(after).toMatchObject({ version: 2, status: 'open', assignee: { id: sessions.admin!.id } });

    // Priority and notes do not move the version: an assignment seen before them still goes through.
    expect((await as('admin', 'POST', `/api/dashboard/tickets/${id}/priority`, { priority: 'high' })).statusCode).toBe(200);
    expect((await as('admin', 'POST', `/api/dashboard/tickets/${id}/notes`, { body: 'VIP soon' })).statusCode).toBe(201);
    const mine = await as('agent', 'POST', `/api/dashboard/tickets/${id}/assign`, { assigneeId: sessions.agent!.id, version: 2 });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ version: 3, assignee: { id: sessions.agent!.id } });
    // The same change already made is no conflict (nothing to overwrite); without a version a change applies as before.
    expect((await as('admin', 'POST', `/api/dashboard/tickets/${id}/assign`, { assigneeId: sessions.agent!.id, version: 1 })).statusCode).toBe(200);
    expect((await as('admin', 'POST', `/api/dashboard/tickets/${id}/status`, { status: 'in_progress' })).json().version).toBe(4);
    const described = await as('agent', 'POST', `/api/dashboard/tickets/${id}/status`, { status: 'resolved', version: 3 });
    expect(described.json().error.message).toContain('Avery Admin set it to In progress. It is now In progress, assigned to Sam Stylist.');

    // Bulk callers get the same check per ticket.
    expect(await t.app.services.tickets.versionConflict(id, 4)).toBeNull();
    const conflict = await t.app.services.tickets.versionConflict(id, 3);
    expect(conflict).toMatchObject({ code: 'conflict', status: 409 });
  });

  it('two agents changing the same version at once: one change wins, the other is a 409 (never both)', async () => {
    const id = await newTicket('Ivy Chen', 'ivy.live@example.com', 'Gift wrap for the Lyra studs?');
    const [a, b] = await Promise.all([
      as('admin', 'POST', `/api/dashboard/tickets/${id}/assign`, { assigneeId: sessions.admin!.id, version: 1 }),
      as('agent', 'POST', `/api/dashboard/tickets/${id}/assign`, { assigneeId: sessions.agent!.id, version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? sessions.admin!.id : sessions.agent!.id;
    const row = await t.db.kysely.selectFrom('tickets').select(['assignee_id', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ assignee_id: winner, version: 2 });
    const events = await t.db.kysely.selectFrom('ticket_events').select('type').where('ticket_id', '=', id).where('type', '=', 'assigned').execute();
    expect(events).toHaveLength(1);
  });

  it('presence: staff on one ticket see each other viewing and replying, the change reaches the stream, and they leave', async () => {
    const id = await newTicket('Mae Brooks', 'mae.live@example.com', 'Is the Orla bangle adjustable?');
    const adminStream = await stream('admin');
    const beat = (who: 'admin' | 'agent', state: string, clientId = `${who}-tab-0001`) => as(who, 'POST', `/api/dashboard/tickets/${id}/presence`, { clientId, state });

    const first = await beat('agent', 'viewing');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ viewers: [], beatMs: 10_000 });
    await adminStream.next(ticketEvent('presence', id));
    const second = await beat('admin', 'viewing');
    expect(second.json().viewers).toEqual([{ staffId: sessions.agent!.id, name: 'Sam Stylist', state: 'viewing', since: expect.any(String) }]);

    // A second tab of the agent's is writing a reply: the agent counts once, as replying.
    const before = adminStream.events.length;
    await beat('agent', 'replying', 'agent-tab-0002');
    await adminStream.next((e) => adminStream.events.indexOf(e) >= before && ticketEvent('presence', id)(e) && (e.data as { actorId: number }).actorId === sessions.agent!.id);
    const others = (await as('admin', 'GET', `/api/dashboard/tickets/${id}/presence`)).json();
    expect(others.viewers).toEqual([{ staffId: sessions.agent!.id, name: 'Sam Stylist', state: 'replying', since: expect.any(String) }]);
    // A heartbeat with the same state is no news.
    const quiet = adminStream.events.length;
    await beat('agent', 'replying', 'agent-tab-0002');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(adminStream.events.length).toBe(quiet);

    await beat('agent', 'left', 'agent-tab-0002');
    expect((await as('admin', 'GET', `/api/dashboard/tickets/${id}/presence`)).json().viewers[0].state).toBe('viewing');
    // A tab that stopped beating (closed, asleep) is gone after the time to live.
    await t.db.kysely.updateTable('ticket_presence').set({ seen_at: sql<string>`'2000-01-01T00:00:00.000Z'` }).where('ticket_id', '=', id).where('staff_id', '=', sessions.agent!.id).execute();
    expect((await as('admin', 'GET', `/api/dashboard/tickets/${id}/presence`)).json().viewers).toEqual([]);

    expect((await as('admin', 'GET', '/api/dashboard/tickets/999999/presence')).statusCode).toBe(404);
    expect((await beat('admin', 'viewing', 'bad id!')).statusCode).toBe(400);
    expect((await beat('admin', 'typing')).statusCode).toBe(400);
    const noCsrf = await t.app.inject({ method: 'POST', url: `/api/dashboard/tickets/${id}/presence`, headers: { cookie: sessions.admin!.cookie }, payload: { clientId: 'admin-tab-0001', state: 'viewing' } });
    expect(noCsrf.statusCode).toBe(403);
  });

  it(`presence: one account shows on at most ${MAX_PRESENT_TABS} tabs at once; past it a new tab gets a 429 that says why, and a tab that left frees its place`, async () => {
    const id = await newTicket('Ines Park', 'ines.live@example.com', 'Can I get the Vela hoops engraved?');
    const beat = (clientId: string, state = 'viewing') => as('agent', 'POST', `/api/dashboard/tickets/${id}/presence`, { clientId, state });
    for (let tab = 0; tab < MAX_PRESENT_TABS; tab++) expect((await beat(`agent-many-${String(tab).padStart(4, '0')}`)).statusCode).toBe(200);
    const refused = await beat('agent-many-overflow');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(new RegExp(`already shown on ${MAX_PRESENT_TABS} open tickets`));
    // A tab already counted keeps beating; another account is not affected.
    expect((await beat('agent-many-0003', 'replying')).statusCode).toBe(200);
    expect((await as('admin', 'POST', `/api/dashboard/tickets/${id}/presence`, { clientId: 'admin-tab-0009', state: 'viewing' })).statusCode).toBe(200);
    expect((await beat('agent-many-0000', 'left')).statusCode).toBe(200);
    expect((await beat('agent-many-overflow')).statusCode).toBe(200);
  });
});
