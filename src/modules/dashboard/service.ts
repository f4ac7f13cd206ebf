// The dashboard's read queries over one database, built once in services.ts (changes go through the owning services).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ConversationService } from '../conversations/service';
import type { OrderService } from '../orders/service';
import { createAnalyticsQueries } from './analytics-queries';
import { createCsatQueries } from './csat-queries';
import { createCustomerQueries } from './customer-queries';
import { createOrderQueries } from './orders-queries';
import { createTicketQueries } from './tickets-queries';

export interface DashboardDeps {
  orders: OrderService;
  conversations: ConversationService;
}

export function createDashboardService(db: Kysely<Database>, deps: DashboardDeps, now: () => Date) {
  return {
    tickets: createTicketQueries(db, now),
    csat: createCsatQueries(db),
    customers: createCustomerQueries(db),
    analytics: createAnalyticsQueries(db, now),
    orders: createOrderQueries(db, deps.orders, deps.conversations, now),
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
