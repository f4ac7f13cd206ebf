// Write side of a stylist ticket (D3): assign, status, priority, internal notes and email replies.
// Every change and its history event are written in one transaction, so the history never misses a step.
import type { Kysely, Transaction } from 'kysely';
import type { Database, TicketPriority, TicketStatus } from '../../db/schema';
import { invalid, notFound } from '../../errors';
import { escapeHtml } from '../../web/html';
import type { Actor } from './actor';

export interface ReplyInput {
  subject?: string;
  body: string;
}

export function createTicketActions(db: Kysely<Database>, now: () => Date, shopName: string) {
  async function change(ticketId: number, actor: Actor, event: { type: string; body?: string; data?: Record<string, unknown> }, write: (trx: Transaction<Database>, at: string) => Promise<void>) {
    await db.transaction().execute(async (trx) => {
      const ticket = await trx.selectFrom('tickets').select('id').where('id', '=', ticketId).executeTakeFirst();
      if (!ticket) throw notFound(`Ticket #${ticketId}`);
      const at = now().toISOString();
      await write(trx, at);
      await trx.updateTable('tickets').set({ updated_at: at }).where('id', '=', ticketId).execute();
      await trx
        .insertInto('ticket_events')
        .values({ ticket_id: ticketId, actor_id: actor.id, type: event.type, body: event.body ?? null, data: JSON.stringify(event.data ?? {}), created_at: at })
        .execute();
    });
  }

  return {
    /** Assigns to a staff member (null: unassigns). An open ticket becomes in progress when someone takes it. */
    async assign(ticketId: number, assigneeId: number | null, actor: Actor) {
      let assigneeName: string | null = null;
      if (assigneeId !== null) {
        const assignee = await db.selectFrom('staff_users').select(['name', 'disabled']).where('id', '=', assigneeId).executeTakeFirst();
        if (!assignee || assignee.disabled === 1) throw invalid('Choose an active staff member to assign.');
        assigneeName = assignee.name;
      }
      await change(ticketId, actor, { type: 'assigned', data: { assigneeId, assigneeName } }, async (trx) => {
        await trx.updateTable('tickets').set({ assignee_id: assigneeId }).where('id', '=', ticketId).execute();
        if (assigneeId !== null) await trx.updateTable('tickets').set({ status: 'in_progress' }).where('id', '=', ticketId).where('status', '=', 'open').execute();
      });
    },

    async setStatus(ticketId: number, status: TicketStatus, actor: Actor) {
      await change(ticketId, actor, { type: 'status', data: { status } }, async (trx) => {
        await trx.updateTable('tickets').set({ status }).where('id', '=', ticketId).execute();
      });
    },

    async setPriority(ticketId: number, priority: TicketPriority, actor: Actor) {
      await change(ticketId, actor, { type: 'priority', data: { priority } }, async (trx) => {
        await trx.updateTable('tickets').set({ priority }).where('id', '=', ticketId).execute();
      });
    },

    /** An internal note: stored in the history, never sent to the customer. */
    async addNote(ticketId: number, body: string, actor: Actor) {
      await change(ticketId, actor, { type: 'note', body }, async () => undefined);
    },

    /** Emails the customer through the outbox (retried until sent) and keeps the reply in the ticket's thread. */
    async reply(ticketId: number, input: ReplyInput, actor: Actor) {
      const ticket = await db.selectFrom('tickets').select(['email', 'customer_name', 'status']).where('id', '=', ticketId).executeTakeFirst();
      if (!ticket) throw notFound(`Ticket #${ticketId}`);
      const subject = input.subject?.trim() || `Re: your ${shopName} stylist request [#${ticketId}]`;
      const text = `Hi ${ticket.customer_name},\n\n${input.body}\n\n${actor.name}\n${shopName} stylists`;
      const html = `<p>Hi ${escapeHtml(ticket.customer_name)},</p>${input.body
        .split(/\n{2,}/)
        .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
        .join('')}<p>${escapeHtml(actor.name)}<br>${escapeHtml(shopName)} stylists</p>`;
      await change(ticketId, actor, { type: 'reply', body: input.body, data: { subject, to: ticket.email } }, async (trx, at) => {
        await trx
          .insertInto('outbox')
          .values({ kind: 'stylist_reply', to_address: ticket.email, subject, text_body: text, html_body: html, status: 'pending', attempts: 0, next_attempt_at: at, ticket_id: ticketId, created_at: at })
          .execute();
        await trx.updateTable('tickets').set({ first_response_at: at }).where('id', '=', ticketId).where('first_response_at', 'is', null).execute();
        if (ticket.status === 'open') await trx.updateTable('tickets').set({ status: 'in_progress' }).where('id', '=', ticketId).execute();
      });
    },
  };
}

export type TicketActions = ReturnType<typeof createTicketActions>;
