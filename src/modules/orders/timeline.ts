// Human labels for order timeline events, shared by the widget's order status and the dashboard.

const LABELS: Record<string, string> = {
  order_placed: 'Order placed',
  payment_confirmed: 'Payment confirmed',
  packed: 'Packed in our studio',
  shipped: 'Shipped',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
  rma_created: 'RMA Created',
  rma_in_transit: 'RMA in transit',
  rma_received: 'RMA received',
  rma_refunded: 'RMA refunded',
  rma_closed: 'RMA closed',
  rma_rejected: 'RMA rejected',
  status_updated: 'Status updated',
};

export function timelineLabel(type: string, data: Record<string, unknown> = {}): string {
  const base = LABELS[type] ?? type.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  if (type.startsWith('rma_') && typeof data.rmaNumber === 'string') return `${base}: ${data.rmaNumber}`;
  if (type === 'delayed' && typeof data.reason === 'string') return `${base}: ${data.reason}`;
  return base;
}

export const STATUS_LABEL: Record<string, string> = {
  processing: 'Processing',
  shipped: 'Shipped',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
};
