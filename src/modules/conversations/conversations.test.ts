import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { migrateToLatest } from '../../db/migrate';
import { AppError } from '../../errors';
import { createConversationService } from './service';

// Each database with its own way of writing an exchange, and with the portable one (a transaction).
const MODES = TEST_DIALECTS.flatMap((dialect) => [{ dialect, writes: dialect }, { dialect, writes: undefined }]);

describe.each(MODES)('conversations service on $dialect, exchanges written for $writes', ({ dialect, writes }) => {
  let db: TestDb;
  let clock = new Date('2026-11-20T15:00:00.000Z');
  let conversations: ReturnType<typeof createConversationService>;
  const welcome = [{ type: 'text', text: 'Hi!' }];
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
    conversations = createConversationService(db.kysely, () => clock, { dialect: writes });
  });
  afterAll(() => db.destroy());

  it('stores exchanges in order, masks card numbers, and keeps state and email', async () => {
    const { id } = await conversations.create({ visitorId: 'visitor-0001' }, welcome);
    await conversations.appendExchange(id, { customerText: 'card 4111-1111-1111-1111 ok', replies: [{ type: 'text', text: 'Never share it here.' }], intent: 'faq', state: { turn: 1 } });
    await conversations.appendExchange(id, { replies: [{ type: 'text', text: 'RMA created' }], customerEmail: 'ava@example.com' });
    const messages = await conversations.transcript(id);
    expect(messages.map((m) => [m.role, m.text ?? null])).toEqual([
      ['concierge', null],
      ['customer', 'card ****-****-****-1111 ok'],
      ['concierge', null],
      ['concierge', null],
    ]);
    expect(messages[2]).toMatchObject({ intent: 'faq', blocks: [{ type: 'text', text: 'Never share it here.' }] });
    const conversation = await conversations.requireActive(id);
    expect(conversation).toMatchObject({ state: { turn: 1 }, customerEmail: 'ava@example.com', messageCount: 4 });
  });

  it('stores an idempotent exchange once, even when retried concurrently', async () => {
    const { id } = await conversations.create({}, welcome);
    const exchange = { customerText: 'hello', replies: [{ type: 'text', text: 'Hello!' }], idempotencyKey: 'key-00000001' };
    const results = await Promise.all([1, 2, 3].map(() => conversations.appendExchange(id, exchange)));
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await conversations.transcript(id)).toHaveLength(3);
  });

  it('finds the conversation and the stored reply to an idempotency key', async () => {
    const { id } = await conversations.create({ visitorId: 'visitor-0002' }, welcome);
    expect(await conversations.requireActiveWithReplay(id, 'key-00000099')).toMatchObject({ conversation: { id, visitorId: 'visitor-0002' }, previous: undefined });
    const stored = await conversations.appendExchange(id, { customerText: 'hi', replies: [{ type: 'text', text: 'Hello!' }], intent: 'greeting', confidence: 0.9, idempotencyKey: 'key-00000099' });
    const { conversation, previous } = await conversations.requireActiveWithReplay(id, 'key-00000099');
    expect(conversation.messageCount).toBe(3);
    expect(previous).toEqual({ messageId: stored.messageId, intent: 'greeting', confidence: 0.9, replies: [{ type: 'text', text: 'Hello!' }], created: false });
    // Another session's key is not this one's.
    const other = await conversations.create({}, welcome);
    expect((await conversations.requireActiveWithReplay(other.id, 'key-00000099')).previous).toBeUndefined();
    await expect(conversations.requireActiveWithReplay('cs_AAAAAAAAAAAAAAAAAAAAAA', 'key-00000099')).rejects.toMatchObject({ code: 'not_found' });
    await expect(conversations.requireActiveWithReplay('nonsense', undefined)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps a conversation alive 24 hours after its last exchange', async () => {
    const { id } = await conversations.create({}, welcome);
    clock = new Date('2026-11-21T14:00:00.000Z'); // 23 hours later
    await conversations.appendExchange(id, { customerText: 'still there?', replies: [{ type: 'text', text: 'Yes!' }] });
    clock = new Date('2026-11-22T13:59:59.000Z'); // 47 hours after the start, 24 after the exchange
    expect((await conversations.requireActive(id)).expiresAt).toBe('2026-11-22T14:00:00.000Z');
    clock = new Date('2026-11-22T14:00:00.001Z');
    await expect(conversations.requireActive(id)).rejects.toMatchObject({ code: 'not_found' });
    clock = new Date('2026-11-20T15:00:00.000Z');
  });

  it('requireActive refuses unknown and expired sessions with not_found; the transcript stays readable', async () => {
    const { id } = await conversations.create({}, welcome);
    await expect(conversations.requireActive('cs_AAAAAAAAAAAAAAAAAAAAAA')).rejects.toMatchObject({ code: 'not_found' });
    await expect(conversations.requireActive('whatever')).rejects.toBeInstanceOf(AppError);
    await expect(conversations.requireActive('whatever')).rejects.toMatchObject({ code: 'not_found' });
    clock = new Date('2026-11-21T15:00:00.001Z');
    await expect(conversations.requireActive(id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await conversations.transcript(id)).toHaveLength(1);
    clock = new Date('2026-11-20T15:00:00.000Z');
  });
});
