// Moving an RMA on (issue 12 item 4): created → in_transit → received → refunded or closed, or rejected with a fixed
// reason. Staff send the status they saw and the one they want: a stale page or a step backwards is a 409, and the
// status, its timeline event and the customer's email are written in one transaction.
//
// - setStatus(number, { from, to, rejectionReason? }, staffId) → the updated RMA and its order's number
import type { Db } from '../../db/connection';
import type { Config } from '../../config';
import type { RmaStatus } from '../../db/schema';
import { AppError, invalid, notFound } from '../../errors';
import type { MailService } from '../mail/service';
import { pieceLabel, rmaStatusEmail, type RmaStep } from '../mail/templates';
import type { RmaRow } from './repo';
import { nextSteps, REJECTION_REASONS, RMA_LABEL, type RejectionReason } from './rma-states';

export interface RmaStatusChange {
  from: RmaStatus;
  to: RmaStep;
  rejectionReason?: RejectionReason;
}

export function createRmaStatus(deps: { db: Db; config: Config; now: () => Date; mail: MailService }) {
  const { db, config, now } = deps;
  return {
    async setStatus(number: string, change: RmaStatusChange, staffId: number): Promise<{ rma: RmaRow; orderNumber: string }> {
      if (change.to === 'rejected' && !change.rejectionReason) throw invalid('Choose why the RMA is rejected.', { field: 'rejectionReason' });
      if (change.to !== 'rejected' && change.rejectionReason) throw invalid('A reason is only given when rejecting.', { field: 'rejectionReason' });
      const at = now().toISOString();
      return db.kysely.transaction().execute(async (trx) => {
        const rma = await trx.selectFrom('rmas').selectAll().where('number', '=', number).executeTakeFirst();
        if (!rma) throw notFound(`RMA ${number}`);
        if (rma.status !== change.from) throw new AppError('conflict', `RMA ${number} is already ${RMA_LABEL[rma.status]}: reload the page to see the latest.`, { status: rma.status });
        if (!nextSteps(rma).includes(change.to)) throw new AppError('conflict', `${rma.kind === 'return' ? 'A return' : 'A resize'} that is ${RMA_LABEL[rma.status]} cannot be moved to ${RMA_LABEL[change.to]}.`, { status: rma.status });
        // Compare-and-set: of two staff moving the same RMA at once, the second one gets the 409 above or here.
        const updated = await trx
          .updateTable('rmas')
          .set({ status: change.to, rejection_reason: change.rejectionReason ?? null, status_changed_at: at })
          .where('id', '=', rma.id)
          .where('status', '=', change.from)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw new AppError('conflict', `RMA ${number} was changed by someone else: reload the page to see the latest.`);
        const order = await trx.selectFrom('orders').select(['id', 'number', 'email', 'customer_name']).where('id', '=', rma.order_id).executeTakeFirstOrThrow();
        const item = rma.order_item_id === null ? undefined : await trx.selectFrom('order_items').select(['name', 'sku', 'size']).where('id', '=', rma.order_item_id).executeTakeFirst();
        await trx
          .insertInto('order_events')
          .values({ order_id: order.id, type: `rma_${change.to}`, at, data: JSON.stringify({ rmaNumber: number, from: change.from, staffId, ...(change.rejectionReason ? { rejectionReason: change.rejectionReason } : {}) }) })
          .execute();
        await trx.updateTable('orders').set({ updated_at: at }).where('id', '=', order.id).execute();
        const content = rmaStatusEmail({
          shopName: config.shop.name,
          customerName: order.customer_name,
          rmaNumber: number,
          orderNumber: order.number,
          piece: item ? pieceLabel(item) : 'your piece',
          kind: rma.kind,
          newSize: rma.new_size,
          step: change.to,
          rejection: change.rejectionReason ? REJECTION_REASONS[change.rejectionReason] : undefined,
        });
        await deps.mail.enqueue({ kind: `rma_${change.to}`, to: order.email, ...content, dedupeKey: `rma:${number}:${change.to}` }, trx);
        return { rma: updated, orderNumber: order.number };
      });
    },
  };
}
