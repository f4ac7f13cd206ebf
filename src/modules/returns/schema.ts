// The return form's request (docs/widget-api.md) and the label page's query.
import { Type, type Static } from 'typebox';
import { EMAIL_PATTERN } from '../../email';

export const ReturnFormBody = Type.Object({
  orderNumber: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
  email: Type.String({ minLength: 3, maxLength: 254, pattern: EMAIL_PATTERN }),
  kind: Type.Union([Type.Literal('return'), Type.Literal('resize')]),
  itemId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
  newSize: Type.Optional(Type.Number({ minimum: 0, maximum: 30 })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type ReturnFormBody = Static<typeof ReturnFormBody>;

export const RETURN_FIELD_MESSAGES = {
  orderNumber: 'Please enter your order number (it looks like GG-104233).',
  email: 'Please enter the email address you used at checkout.',
  kind: 'Please choose a return or a resize.',
  itemId: 'Please choose the piece.',
  reason: 'Please tell us why (up to 500 characters).',
  newSize: 'Please choose the new ring size.',
  note: 'The note can be up to 1000 characters.',
};

export const LabelParams = Type.Object({ rmaNumber: Type.String({ pattern: '^[A-Za-z0-9-]{1,24}$' }) });
export const LabelQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 64 })) });
