// Test data for the dashboard's tests: a complete tickets row from the few fields a test cares about.
import type { Insertable } from 'kysely';
import type { TicketsTable } from '../../db/schema';

type TicketFields = Pick<Insertable<TicketsTable>, 'customer_name' | 'email' | 'priority' | 'answer_by' | 'created_at'> & Partial<Insertable<TicketsTable>>;

export function ticketRow(fields: TicketFields): Insertable<TicketsTable> {
  return {
    conversation_id: null,
    message: 'Help',
    urgent: 0,
    tier: 'standard',
    status: 'open',
    assignee_id: null,
    reasons: '[]',
    management: 0,
    transcript: '[]',
    shortlist: '[]',
    idempotency_key: null,
    first_response_at: null,
    overdue_alerted_at: null,
    updated_at: fields.created_at,
    ...fields,
  };
}
