// Canned replies (issue 12 item 5): admins write and change them, agents insert them into a reply on a ticket.
// Every variable is checked when a reply is saved and filled on the server from the ticket's own data.
//
// - list() → CannedReply[]; create / update / remove (admins; the routes check the role)
// - render(replyId, ticketId, staffId) → { text, missing }: the text for the reply box; a variable without a
//   value (no order on the ticket, an answer-by already past) stays as {{name}} and is listed with the reason.
import type { Config } from '../../config';
import { AppError, invalid, notFound } from '../../errors';
import { isUniqueViolation } from '../../db/unique-violation';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { customerName, plainFirstName } from '../mail/templates';
import { describeAnswerBy } from '../tickets/business-hours';
import { isOverdue } from '../tickets/types';
import { createCannedReplyRepo, type CannedReplyRow } from './repo';
import { CANNED_VARIABLES, renderCanned, unknownVariables, type CannedValues, type CannedVariable } from './variables';

export interface CannedReply {
  id: number;
  title: string;
  body: string;
  updatedAt: string;
}

export interface CannedReplyInput {
  title: string;
  body: string;
}

export interface MissingVariable {
  name: CannedVariable;
  reason: string;
}

const WHY_MISSING: Record<CannedVariable, string> = {
  'customer.first_name': 'The customer’s name does not start with a plain first name.',
  'customer.name': 'The ticket has no customer name.',
  'customer.email': 'The ticket has no email address.',
  'order.number': 'This ticket is not linked to an order.',
  'ticket.id': 'The ticket has no number.',
  'ticket.answer_by': 'The promised reply time has passed (or the ticket is resolved): say when they will hear back.',
  'agent.name': 'Your staff account has no name.',
  'shop.name': 'SHOP_NAME is not set.',
};

const toCannedReply = (row: CannedReplyRow): CannedReply => ({ id: row.id, title: row.title, body: row.body, updatedAt: row.updated_at });

function checked(input: CannedReplyInput): CannedReplyInput {
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) throw invalid('Give the canned reply a title.', { fields: { title: 'Write a title.' } });
  if (!body) throw invalid('The canned reply is empty.', { fields: { body: 'Write the reply.' } });
  const unknown = unknownVariables(body);
  if (unknown.length) {
    const names = unknown.map((n) => `{{${n}}}`).join(', ');
    throw invalid(`Unknown variable ${names}: use one of ${Object.keys(CANNED_VARIABLES).map((n) => `{{${n}}}`).join(', ')}.`, { fields: { body: `Unknown variable ${names}.` } });
  }
  return { title, body };
}

export function createCannedReplyService(db: Kysely<Database>, config: Pick<Config, 'shop' | 'businessHours'>, now: () => Date) {
  const repo = createCannedReplyRepo(db);
  const titleTaken = () => new AppError('conflict', 'Another canned reply has this title: choose another one.', { fields: { title: 'Already used.' } });

  return {
    variables: () => Object.entries(CANNED_VARIABLES).map(([name, description]) => ({ name, description })),

    list: async (): Promise<CannedReply[]> => (await repo.list()).map(toCannedReply),

    async create(input: CannedReplyInput, actorId: number): Promise<CannedReply> {
      const { title, body } = checked(input);
      const at = now().toISOString();
      try {
        return toCannedReply(await repo.insert({ title, body, created_by: actorId, updated_by: actorId, created_at: at, updated_at: at }));
      } catch (error) {
        if (isUniqueViolation(error)) throw titleTaken();
        throw error;
      }
    },

    async update(id: number, input: CannedReplyInput, actorId: number): Promise<CannedReply> {
      const { title, body } = checked(input);
      try {
        const row = await repo.update(id, { title, body, updated_by: actorId, updated_at: now().toISOString() });
        if (!row) throw notFound('That canned reply');
        return toCannedReply(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw titleTaken();
        throw error;
      }
    },

    async remove(id: number): Promise<void> {
      if (!(await repo.remove(id))) throw notFound('That canned reply');
    },

    async render(replyId: number, ticketId: number, staffId: number): Promise<{ id: number; title: string; text: string; missing: MissingVariable[] }> {
      const reply = await repo.get(replyId);
      if (!reply) throw notFound('That canned reply');
      const facts = await repo.ticketFacts(ticketId, staffId);
      if (!facts) throw notFound('That ticket');
      const { ticket } = facts;
      const at = now();
      // A promise already broken is not repeated: the agent says when the customer will really hear back.
      const promiseStands = ticket.status !== 'resolved' && ticket.answer_by > at.toISOString() && !isOverdue(ticket, at.toISOString());
      const values: CannedValues = {
        'customer.first_name': plainFirstName(ticket.customer_name),
        'customer.name': customerName(ticket.customer_name),
        'customer.email': ticket.email || null,
        'order.number': ticket.order_number,
        'ticket.id': `#${ticket.id}`,
        'ticket.answer_by': promiseStands ? describeAnswerBy(new Date(ticket.answer_by), at, config.businessHours.timeZone) : null,
        'agent.name': facts.staffName,
        'shop.name': config.shop.name || null,
      };
      const { text, missing } = renderCanned(reply.body, values);
      return { id: reply.id, title: reply.title, text, missing: missing.map((name) => ({ name, reason: WHY_MISSING[name] })) };
    },
  };
}

export type CannedReplyService = ReturnType<typeof createCannedReplyService>;
