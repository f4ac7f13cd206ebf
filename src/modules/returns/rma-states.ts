// An RMA's statuses, where each may go and the fixed rejection reasons: shared by the server and the dashboard's
// order page (no imports but types, so the bundle carries only these constants).
import type { RmaKind, RmaStatus } from '../../db/schema';
import type { RmaStep } from '../mail/templates';

export const RMA_STATUSES: readonly RmaStatus[] = ['created', 'in_transit', 'received', 'refunded', 'closed', 'rejected'];

export const RMA_STEPS: readonly RmaStep[] = ['in_transit', 'received', 'refunded', 'closed', 'rejected'];

/** Where each status may go. Forward only: a parcel can arrive without a carrier scan, but nothing comes back. */
export const RMA_NEXT: Record<RmaStatus, readonly RmaStep[]> = {
  created: ['in_transit', 'received', 'rejected'],
  in_transit: ['received', 'rejected'],
  received: ['refunded', 'closed', 'rejected'],
  refunded: [],
  closed: [],
  rejected: [],
};

/** Why staff can reject, each with the one sentence the customer reads: staff pick, nobody types into the email. */
export const REJECTION_REASONS = {
  outside_window: 'It reached us after the return window had closed.',
  worn_or_damaged: 'Our jewellers found wear or damage that was not there when it left our studio.',
  final_sale: 'It was sold as final sale, which we cannot take back or resize.',
  not_our_piece: 'The parcel did not contain the piece from your order.',
  never_arrived: 'The parcel did not reach us within the time the label allows.',
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;

/** The steps open to an RMA now: a resize is closed when it ships back, never refunded. */
export const nextSteps = (rma: { status: RmaStatus; kind: RmaKind }): RmaStep[] => RMA_NEXT[rma.status].filter((s) => s !== 'refunded' || rma.kind === 'return');

/** Lower-case, for sentences: "An RMA that is in transit…". */
export const RMA_LABEL: Record<RmaStatus, string> = { created: 'created', in_transit: 'in transit', received: 'received', refunded: 'refunded', closed: 'closed', rejected: 'rejected' };
