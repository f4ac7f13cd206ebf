import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { createRetentionService } from './service';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

describe.each(TEST_DIALECTS)('retention on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
    const k = db.kysely;
    for (const [id, age] of [['cs_old', 31], ['cs_recent', 5]] as const) {
      await k.insertInto('conversations').values({ id, visitor_id: 'v1', page_url: '/', product_id: null, state: '{}', customer_email: 'ava@example.com', message_count: 1, created_at: daysAgo(age), last_activity_at: daysAgo(age), expires_at: daysAgo(age - 1), anonymized_at: null }).execute();
      await k.insertInto('messages').values({ conversation_id: id, role: 'customer', text: 'my email is ava@example.com', blocks: null, intent: 'faq', confidence: 0.9, idempotency_key: null, created_at: daysAgo(age) }).execute();
    }
    await k.insertInto('analytics_events').values([
      { type: 'widget_opened', session_id: null, visitor_hash: 'h', data: '{}', created_at: daysAgo(91) },
      { type: 'widget_opened', session_id: null, visitor_hash: 'h', data: '{}', created_at: daysAgo(89) },
    ]).execute();
    await k.insertInto('tickets').values({ conversation_id: 'cs_old', customer_name: 'Ava', email: 'ava@example.com', message: 'help', urgent: 0, tier: 'standard', priority: 'normal', status: 'resolved', assignee_id: null, answer_by: daysAgo(40), reasons: '[]', management: 0, transcript: '[]', shortlist: '[]', idempotency_key: null, first_response_at: null, overdue_alerted_at: null, created_at: daysAgo(40), updated_at: daysAgo(40) }).execute();
    const ticketId = (await k.selectFrom('tickets').select('id').executeTakeFirstOrThrow()).id;
    const inbound = (message_id: string, status: 'threaded' | 'held' | 'new_ticket' | 'ignored', age: number) => ({
      message_id, ticket_id: status === 'ignored' ? null : ticketId, status, reason: null, from_address: 'ava@example.com', subject: 'Re: your request',
      body: status === 'ignored' ? null : `reply ${message_id}`, attachments: status === 'ignored' ? '[]' : '[{"name":"photo.jpg","size":1200}]', via: 'smtp', received_at: daysAgo(age),
    });
    await k.insertInto('inbound_emails').values([
      inbound('<old-threaded@x>', 'threaded', 31), inbound('<old-new@x>', 'new_ticket', 31), inbound('<old-held@x>', 'held', 31),
      inbound('<old-ignored@x>', 'ignored', 31), inbound('<recent-threaded@x>', 'threaded', 5), inbound('<recent-ignored@x>', 'ignored', 5),
    ]).execute();
    await k.insertInto('csat_ratings').values({ conversation_id: 'cs_old', rating: 5, comment: 'lovely', trigger: 'widget_closed', created_at: daysAgo(31), updated_at: daysAgo(31) }).execute();
  });
  afterAll(() => db.destroy());

  it('deletes sessions and their messages after 30 days and analytics after 90, keeping tickets and CSAT', async () => {
    const result = await createRetentionService(db.kysely, undefined, () => NOW).run();
    expect(result).toMatchObject({ conversationsDeleted: 1, analyticsEventsDeleted: 1, inboundEmailsDeleted: 1, inboundBodiesCleared: 2 });
    const conversations = await db.kysely.selectFrom('conversations').select('id').execute();
    expect(conversations.map((c) => c.id)).toEqual(['cs_recent']);
    const messages = await db.kysely.selectFrom('messages').select(['conversation_id', 'text']).execute();
    expect(messages).toEqual([{ conversation_id: 'cs_recent', text: 'my email is ava@example.com' }]);
    expect(await db.kysely.selectFrom('analytics_events').select('id').execute()).toHaveLength(1);
    expect(await db.kysely.selectFrom('tickets').select('id').execute()).toHaveLength(1);
    expect(await db.kysely.selectFrom('csat_ratings').select('rating').execute()).toEqual([{ rating: 5 }]);
  });

  it('inbound email: drops ignored mail and the raw copy of threaded mail after 30 days, keeps mail held for review', async () => {
    const rows = await db.kysely.selectFrom('inbound_emails').select(['message_id', 'body', 'attachments']).orderBy('message_id').execute();
    expect(rows).toEqual([
      { message_id: '<old-held@x>', body: 'reply <old-held@x>', attachments: '[{"name":"photo.jpg","size":1200}]' },
      { message_id: '<old-new@x>', body: null, attachments: '[]' },
      { message_id: '<old-threaded@x>', body: null, attachments: '[]' },
      { message_id: '<recent-ignored@x>', body: null, attachments: '[]' },
      { message_id: '<recent-threaded@x>', body: 'reply <recent-threaded@x>', attachments: '[{"name":"photo.jpg","size":1200}]' },
    ]);
  });

  it('is idempotent: a second run removes nothing more', async () => {
    const again = await createRetentionService(db.kysely, undefined, () => NOW).run();
    expect(Object.keys(again).length).toBeGreaterThan(0);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
  });
});
