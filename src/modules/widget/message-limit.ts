// The longest chat message the API takes, shared with the widget so its counter and the server agree.

/** In characters as JSON Schema counts them: Unicode code points (an emoji is one), after the widget trims. */
export const MAX_MESSAGE_LENGTH = 1000;

/** A message's length as the API's limit counts it. */
export const messageLength = (text: string): number => Array.from(text).length;
