// What callers see of a stylist ticket after a change, and the rules both it and the dashboard's queries use.
import { parseJson } from '../../db/json-column';
import type { CustomerTier, TicketPriority, TicketStatus } from '../../db/schema';
import type { TicketEventRow, TicketRow } from './repo';

export type { TicketPriority, TicketStatus };
export const TICKET_STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'resolved'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['urgent', 'high', 'normal'];

export interface ShortlistSnapshotItem {
  id: number;
  name: string;
  slug: string;
  url: string;
  price: number;
  currency: string;
}

export interface Ticket {
  id: number;
  conversationId: string | null;
  customerName: string;
  email: string;
  message: string;
  urgent: boolean;
  tier: CustomerTier;
  priority: TicketPriority;
  status: TicketStatus;
  assigneeId: number | null;
  /** ISO time by which the customer was promised a reply. */
  answerBy: string;
  /** Past answer-by without a first reply, and not resolved. */
  overdue: boolean;
  /** Stylist and management triggers, e.g. complex_resizing, legal_threat. */
  reasons: string[];
  management: boolean;
  firstResponseAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Bumped by each change of assignee or status: send it back with such a change (a stale one is a 409). */
  version: number;
}

export interface TicketEvent {
  id: number;
  /** created, assigned, status, priority, note, reply */
  type: string;
  /** The staff member (staff_users.id); null for the customer or the system. */
  actorId: number | null;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/** Past its answer-by time with no delivered reply to the current wait, and not resolved. */
export function isOverdue(ticket: Pick<TicketRow, 'status' | 'answer_by' | 'answered_at'>, nowIso: string): boolean {
  return ticket.status !== 'resolved' && ticket.answered_at === null && ticket.answer_by < nowIso;
}

export function toTicket(row: TicketRow, nowIso: string): Ticket {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    customerName: row.customer_name,
    email: row.email,
    message: row.message,
    urgent: row.urgent === 1,
    tier: row.tier,
    priority: row.priority,
    status: row.status,
    assigneeId: row.assignee_id,
    answerBy: row.answer_by,
    overdue: isOverdue(row, nowIso),
    reasons: parseJson<string[]>(row.reasons, []),
    management: row.management === 1,
    firstResponseAt: row.first_response_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toTicketEvent(row: TicketEventRow): TicketEvent {
  return { id: row.id, type: row.type, actorId: row.actor_id, body: row.body, data: parseJson(row.data, {}), createdAt: row.created_at };
}
