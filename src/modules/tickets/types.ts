// What callers see of a stylist ticket: the dashboard's list rows, detail and history.
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

export interface TicketDetail extends Ticket {
  /** The conversation as it was when the customer asked for a stylist. */
  transcript: unknown[];
  shortlist: ShortlistSnapshotItem[];
  events: TicketEvent[];
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
    overdue: row.status !== 'resolved' && row.first_response_at === null && row.answer_by < nowIso,
    reasons: parseJson<string[]>(row.reasons, []),
    management: row.management === 1,
    firstResponseAt: row.first_response_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toTicketEvent(row: TicketEventRow): TicketEvent {
  return { id: row.id, type: row.type, actorId: row.actor_id, body: row.body, data: parseJson(row.data, {}), createdAt: row.created_at };
}

export function toTicketDetail(row: TicketRow, events: TicketEventRow[], nowIso: string): TicketDetail {
  return { ...toTicket(row, nowIso), transcript: parseJson<unknown[]>(row.transcript, []), shortlist: parseJson<ShortlistSnapshotItem[]>(row.shortlist, []), events: events.map(toTicketEvent) };
}
