// What the rest of the service sees of a conversation and its messages.
import type { MessageRole } from '../../db/schema';

/** A reply block as stored and served; the engine's blocks are one shape of it. */
export type StoredBlock = { type: string } & Record<string, unknown>;

export interface Conversation {
  id: string;
  visitorId: string | null;
  pageUrl: string | null;
  productId: number | null;
  /** The engine's conversation state (plain JSON); null before the first turn. */
  state: unknown;
  customerEmail: string | null;
  messageCount: number;
  createdAt: string;
  lastActivityAt: string;
  expiresAt: string;
}

export interface TranscriptMessage {
  id: number;
  role: MessageRole;
  text?: string;
  blocks?: StoredBlock[];
  intent?: string;
  createdAt: string;
}

export interface NewConversation {
  visitorId?: string;
  pageUrl?: string;
  productId?: number;
}

export interface Exchange {
  /** What the customer typed; card numbers are masked before it is stored. */
  customerText?: string;
  replies: readonly StoredBlock[] | readonly object[];
  intent?: string;
  confidence?: number;
  /** A retry with the same key answers the stored exchange instead of adding one. */
  idempotencyKey?: string;
  /** The engine's next state, saved with the exchange. */
  state?: unknown;
  /** An email the customer proved (e.g. a matching order lookup), for linking tickets. */
  customerEmail?: string;
}

export interface StoredExchange {
  messageId: number;
  intent: string | null;
  confidence: number | null;
  replies: StoredBlock[];
  /** False when an earlier exchange with the same idempotency key was answered instead. */
  created: boolean;
}
