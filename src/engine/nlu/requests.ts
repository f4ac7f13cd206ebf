// Splits a message that asks several things ("where is my order and also can I return it?") into its requests.

// A question mark with more after it, or a conjunction that starts a new question or request.
const BOUNDARY =
  /\?+\s+|\s*;\s+|,?\s+(?:and also|and then|also|plus|and)\s+(?=(?:can|could|will|would|is|are|do|does|did|how|what|where|when|why|which|i want|i need|i would|i'd|id like|please|may i|should i|tell me|show me)\b)/i;

// A piece shorter than this ("and", "ok") is not a request of its own.
const MIN_WORDS = 2;
const MAX_PARTS = 3;

/** The requests of a message, in order; one piece (the whole text) when it asks one thing. */
export function splitRequests(text: string): string[] {
  const pieces = text
    .split(new RegExp(BOUNDARY.source, 'gi'))
    .map((piece) => piece.trim())
    .filter((piece) => piece.split(/\s+/).length >= MIN_WORDS);
  return pieces.length > MAX_PARTS ? [text] : pieces;
}
