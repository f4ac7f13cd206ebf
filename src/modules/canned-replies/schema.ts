// Request and response schemas of the canned-replies API.
import { Type } from 'typebox';

export const CannedReplyParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export const RenderParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), replyId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

export const CannedReplyBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    body: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export const CannedReplyJson = Type.Object({ id: Type.Integer(), title: Type.String(), body: Type.String(), updatedAt: Type.String() });

export const CannedReplyListJson = Type.Object({
  items: Type.Array(CannedReplyJson),
  /** The variables a reply may use, for the editor's help. */
  variables: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
});

export const RenderedReplyJson = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  text: Type.String({ description: 'The reply with its variables filled; a variable without a value stays as {{name}}.' }),
  missing: Type.Array(Type.Object({ name: Type.String(), reason: Type.String() })),
});
