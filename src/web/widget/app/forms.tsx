// The four forms the concierge can ask for: order lookup, return or resize, stylist, and the CSAT rating.
import { useState } from 'preact/hooks';
import { EMAIL, Field, FormCard, text, useForm, type FormState, type SubmitForm, type Values } from './form-kit';
import type { Entry, FieldErrors, FormName, ReturnItem } from './types';

interface FormProps {
  entry: Entry;
  prefill: Record<string, unknown>;
  submit: SubmitForm;
}

const ORDER_NUMBER = /^(?:GG-?)?(\d{6})$/i;
const normalizeOrder = (value: string) => {
  const match = ORDER_NUMBER.exec(value.trim());
  return match ? `GG-${match[1]}` : value.trim();
};

function orderErrors(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!ORDER_NUMBER.test((values.orderNumber || '').trim())) errors.orderNumber = 'Enter your order number, like GG-104233.';
  if (!EMAIL.test((values.email || '').trim())) errors.email = 'Enter the email address you ordered with.';
  return errors;
}

function OrderLookupForm({ entry, prefill, submit }: FormProps) {
  const state = useForm({
    idPrefix: `f${entry.id}`,
    initial: { orderNumber: text(prefill.orderNumber), email: text(prefill.email) },
    validate: orderErrors,
    toBody: (v) => ({ body: { orderNumber: normalizeOrder(v.orderNumber!), email: v.email!.trim() }, summary: `Looked up order ${normalizeOrder(v.orderNumber!)}` }),
    submit,
  });
  return (
    <FormCard state={state} title="Track your order" submitLabel="Track order">
      <OrderFields state={state} />
    </FormCard>
  );
}

/** Order number and email: the pair that proves an order is yours (tracking and returns). */
function OrderFields({ state }: { state: FormState }) {
  return (
    <>
      <Field state={state} name="orderNumber" label="Order number">
        <input {...state.bind('orderNumber')} autoComplete="off" placeholder="GG-104233" />
      </Field>
      <Field state={state} name="email" label="Email">
        <input {...state.bind('email')} type="email" autoComplete="email" />
      </Field>
    </>
  );
}

const REASONS = ['Wrong size', 'Changed my mind', 'Not as pictured', 'Arrived damaged', 'Other'];

function ReturnForm({ entry, prefill, submit }: FormProps) {
  const items = Array.isArray(prefill.items) ? (prefill.items as ReturnItem[]) : [];
  const state = useForm({
    idPrefix: `f${entry.id}`,
    initial: {
      orderNumber: text(prefill.orderNumber),
      email: text(prefill.email),
      itemId: items.length === 1 ? String(items[0]!.id) : text(prefill.itemId),
      kind: prefill.kind === 'resize' ? 'resize' : 'return',
      reason: text(prefill.reason),
      newSize: text(prefill.newSize),
    },
    validate: (v) => {
      const errors = orderErrors(v);
      if (items.length > 1 && !v.itemId) errors.itemId = 'Choose the piece.';
      if (!v.reason) errors.reason = 'Choose a reason.';
      const size = Number(v.newSize);
      if (v.kind === 'resize' && !(size >= 3 && size <= 13)) errors.newSize = 'Enter a ring size from 3 to 13.';
      return errors;
    },
    toBody: (v) => ({
      body: {
        orderNumber: normalizeOrder(v.orderNumber!),
        email: v.email!.trim(),
        kind: v.kind,
        reason: v.reason,
        ...(v.itemId ? { itemId: Number(v.itemId) } : {}),
        ...(v.kind === 'resize' ? { newSize: Number(v.newSize) } : {}),
      },
      summary: `${v.kind === 'resize' ? 'Resize' : 'Return'} requested for order ${normalizeOrder(v.orderNumber!)}`,
    }),
    submit,
  });
  const kindId = `${state.idPrefix}-kind`;
  return (
    <FormCard state={state} title="Return or resize" submitLabel={state.values.kind === 'resize' ? 'Request resize' : 'Request return'}>
      <OrderFields state={state} />
      {items.length > 0 && (
        <Field state={state} name="itemId" label="Item">
          <select {...state.bind('itemId')}>
            <option value="">Choose a piece</option>
            {items.map((item) => (
              <option key={item.id} value={String(item.id)}>
                {item.name}
                {item.size ? ` (size ${item.size})` : ''}
                {item.finalSale ? ' (final sale)' : ''}
              </option>
            ))}
          </select>
        </Field>
      )}
      <fieldset class="choice">
        <legend>What would you like?</legend>
        {(['return', 'resize'] as const).map((kind) => (
          <label key={kind} for={`${kindId}-${kind}`}>
            <input type="radio" id={`${kindId}-${kind}`} name={kindId} checked={state.values.kind === kind} onChange={() => state.set('kind', kind)} />
            {kind === 'return' ? 'Return for a refund' : 'Resize my ring'}
          </label>
        ))}
      </fieldset>
      <Field state={state} name="reason" label="Reason">
        <select {...state.bind('reason')}>
          <option value="">Choose a reason</option>
          {REASONS.map((reason) => (
            <option key={reason}>{reason}</option>
          ))}
        </select>
      </Field>
      {state.values.kind === 'resize' && (
        <Field state={state} name="newSize" label="New ring size">
          <input {...state.bind('newSize')} type="number" inputMode="decimal" min={3} max={13} step={0.5} />
        </Field>
      )}
    </FormCard>
  );
}

function StylistForm({ entry, prefill, submit }: FormProps) {
  const state = useForm({
    idPrefix: `f${entry.id}`,
    initial: { name: text(prefill.name), email: text(prefill.email), message: text(prefill.message), urgent: prefill.urgent === true ? 'yes' : '' },
    validate: (v) => {
      const errors: FieldErrors = {};
      if (!(v.name || '').trim()) errors.name = 'Enter your name.';
      if (!EMAIL.test((v.email || '').trim())) errors.email = 'Enter an email address so the stylist can reply.';
      if ((v.message || '').trim().length < 5) errors.message = 'Tell the stylist a little about what you need.';
      return errors;
    },
    toBody: (v) => ({
      body: { name: v.name!.trim(), email: v.email!.trim(), message: v.message!.trim(), urgent: v.urgent === 'yes' },
      summary: 'Sent to a stylist',
    }),
    submit,
  });
  return (
    <FormCard state={state} title="Talk to a stylist" submitLabel="Send to a stylist">
      <Field state={state} name="name" label="Name">
        <input {...state.bind('name')} autoComplete="name" />
      </Field>
      <Field state={state} name="email" label="Email">
        <input {...state.bind('email')} type="email" autoComplete="email" />
      </Field>
      <Field state={state} name="message" label="How can a stylist help?">
        <textarea {...state.bind('message')} rows={3} />
      </Field>
      <label class="check" for={`${state.idPrefix}-urgent`}>
        <input type="checkbox" id={`${state.idPrefix}-urgent`} checked={state.values.urgent === 'yes'} onChange={(event) => state.set('urgent', event.currentTarget.checked ? 'yes' : '')} />
        It’s urgent
      </label>
    </FormCard>
  );
}

const STARS = [1, 2, 3, 4, 5];

function CsatForm({ entry, prefill, submit, onDone }: FormProps & { onDone: () => void }) {
  const state = useForm({
    idPrefix: `f${entry.id}`,
    // Changing a sent rating keeps its comment: sending the stars alone would erase it on the server.
    initial: { rating: entry.rating ? String(entry.rating) : '', comment: entry.comment || '' },
    validate: (v): FieldErrors => (v.rating ? {} : { rating: 'Choose from 1 to 5 stars.' }),
    toBody: (v) => ({
      body: { rating: Number(v.rating), comment: v.comment!.trim() || undefined, trigger: prefill.trigger === 'widget_closed' ? 'widget_closed' : 'flow_completed' },
      summary: `You rated this chat ${v.rating} out of 5`,
    }),
    submit: async (body, summary, key) => {
      const result = await submit(body, summary, key);
      if (result === 'sent') onDone();
      return result;
    },
  });
  const rating = Number(state.values.rating);
  const name = `${state.idPrefix}-rating`;
  return (
    <FormCard state={state} title="How did we do?" submitLabel="Send rating">
      <fieldset class="stars" aria-describedby={state.errors.rating ? `${name}-error` : undefined}>
        <legend>Rate this chat</legend>
        {STARS.map((star) => (
          <label key={star} for={`${name}-${star}`} class={star <= rating ? 'star on' : 'star'}>
            <input
              type="radio"
              id={`${name}-${star}`}
              name={name}
              value={String(star)}
              checked={rating === star}
              aria-invalid={state.errors.rating ? 'true' : undefined}
              onChange={() => state.set('rating', String(star))}
            />
            <span aria-hidden="true">★</span>
            <span class="sr-only">
              {star} {star === 1 ? 'star' : 'stars'}
            </span>
          </label>
        ))}
        {state.errors.rating && (
          <p class="field-error" id={`${name}-error`}>
            {state.errors.rating}
          </p>
        )}
      </fieldset>
      <Field state={state} name="comment" label="Anything to add? (optional)">
        <textarea {...state.bind('comment')} rows={2} />
      </Field>
    </FormCard>
  );
}

/** A sent CSAT shows the rating and lets the customer change it (the server keeps one rating per session). */
function CsatBlock(props: FormProps) {
  const [editing, setEditing] = useState(!props.entry.done);
  if (!editing)
    return (
      <div class="sent">
        <p>
          Thank you! {props.entry.summary}. <span aria-hidden="true">{'★'.repeat(props.entry.rating || 0)}</span>
        </p>
        <button type="button" class="link-button" onClick={() => setEditing(true)}>
          Change rating
        </button>
      </div>
    );
  return <CsatForm {...props} onDone={() => setEditing(false)} />;
}

export function FormBlock({ form, ...props }: FormProps & { form: FormName }) {
  if (form === 'csat') return <CsatBlock {...props} />;
  if (props.entry.done) return <p class="sent">✓ {props.entry.summary}</p>;
  if (form === 'order_lookup') return <OrderLookupForm {...props} />;
  if (form === 'return') return <ReturnForm {...props} />;
  if (form === 'stylist') return <StylistForm {...props} />;
  return null;
}
