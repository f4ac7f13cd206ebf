// The stylist form's request and answer (docs/widget-api.md).
import { Type, type Static } from 'typebox';
import { EMAIL_PATTERN } from '../../email';

export const StylistFormBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  email: Type.String({ minLength: 3, maxLength: 254, pattern: EMAIL_PATTERN }),
  message: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
  urgent: Type.Optional(Type.Boolean()),
});
export type StylistFormBody = Static<typeof StylistFormBody>;

export const STYLIST_FIELD_MESSAGES = {
  name: 'Please tell us your name.',
  email: 'Please enter an email address where a stylist can reach you.',
  message: 'Please tell the stylist how they can help (up to 2000 characters).',
  urgent: 'Please choose whether this is urgent.',
};
