// Support vocabulary customers use for the same few ideas: each word also counts as its canonical
// word for the classifier, so "reimbursement", "restitution" or "cancelling" carry what "refund" or
// "cancel" taught it, even in a phrasing the corpus never used.

const CANONICAL: Record<string, string[]> = {
  refund: ['refund', 'refunds', 'refunded', 'refunding', 'reimburse', 'reimbursed', 'reimbursement', 'reimbursements', 'compensation', 'compensate', 'compensated', 'rebate', 'restitution', 'repayment', 'repay', 'chargeback', 'moneyback'],
  return: ['return', 'returns', 'returned', 'returning', 'devolution', 'devolve', 'devolucion', 'sendback'],
  cancel: ['cancel', 'cancels', 'canceled', 'cancelled', 'canceling', 'cancelling', 'cancellation', 'cancelation', 'annul', 'revoke', 'withdraw'],
  change: ['change', 'changes', 'changed', 'changing', 'edit', 'edits', 'edited', 'editing', 'modify', 'modified', 'modifying', 'modification', 'amend', 'amended', 'amending', 'alter', 'update', 'updated', 'updating', 'correct', 'correcting'],
  order: ['order', 'orders', 'ordered', 'purchase', 'purchases', 'purchased', 'package', 'parcel', 'parcels', 'shipment'],
  person: ['person', 'human', 'assistant', 'agent', 'representative', 'rep', 'operator', 'someone', 'somebody', 'staff', 'employee', 'advisor', 'adviser', 'consultant', 'stylist', 'associate', 'specialist'],
  speak: ['speak', 'speaking', 'talk', 'talking', 'chat', 'chatting', 'contact', 'contacting', 'reach', 'call', 'calling', 'phone', 'telephone', 'telephoned', 'telephoning'],
  payment: ['payment', 'payments', 'pay', 'paying', 'modalities', 'modality', 'cards', 'card', 'paypal', 'klarna', 'afterpay', 'visa', 'mastercard', 'amex', 'cheque', 'cheques'],
  ship: ['ship', 'ships', 'shipping', 'shipped', 'deliver', 'delivers', 'delivery', 'deliveries', 'send', 'sending', 'dispatch', 'dispatched', 'post', 'posted', 'posting', 'postage', 'mail', 'mailed'],
  abroad: ['abroad', 'internationally', 'international', 'overseas', 'worldwide', 'country', 'countries', 'europe', 'canada', 'uk', 'australia', 'germany', 'france', 'finland', 'mexico', 'japan', 'india', 'ireland', 'spain', 'italy', 'brazil', 'norway', 'sweden'],
  hours: ['hours', 'open', 'opening', 'closed', 'closing', 'schedule', 'available', 'availability', 'weekends', 'weekend', 'holidays'],
  angry: ['hell', 'damn', 'wtf', 'fuck', 'fucking', 'fking', 'effing', 'freaking', 'bloody', 'crap', 'shit', 'ffs', 'ridiculous', 'unacceptable', 'useless', 'pathetic', 'scam'],
};

const CANONICAL_OF = new Map(Object.entries(CANONICAL).flatMap(([canonical, words]) => words.map((word) => [word, canonical] as const)));

/** The canonical word for a support word ("reimbursement" → "refund"), or undefined. */
export function canonicalWord(word: string): string | undefined {
  return CANONICAL_OF.get(word);
}
