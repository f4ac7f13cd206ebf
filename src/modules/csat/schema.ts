// The CSAT form's request (docs/widget-api.md).
import { Type, type Static } from 'typebox';

export const CSAT_TRIGGERS = ['flow_completed', 'widget_closed'] as const;

export const CsatFormBody = Type.Object({
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
  trigger: Type.Optional(Type.Union(CSAT_TRIGGERS.map((t) => Type.Literal(t)))),
});
export type CsatFormBody = Static<typeof CsatFormBody>;

export const CSAT_FIELD_MESSAGES = {
  rating: 'Please choose from 1 to 5 stars.',
  comment: 'The comment can be up to 1000 characters.',
  trigger: 'Unknown trigger.',
};
