// Long messages: backstory ("my sister's graduation is next month, the whole family is chipping in…")
// is everyday talk that reads as out of scope, and in a long message it outweighs the one sentence that
// asks for something. So when a long message as a whole looks out of scope, each of its sentences is
// read too, and the clearest in-scope request among them decides: length is never evidence of out-of-scope.

/** Messages with fewer words are read whole only. */
export const LONG_MESSAGE_WORDS = 12;
const MIN_CLAUSE_WORDS = 3;
// A long sentence is cut at commas into pieces of about this many words.
const PIECE_WORDS = 8;
const MAX_CLAUSES = 12;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function isLongMessage(text: string): boolean {
  return wordCount(text) >= LONG_MESSAGE_WORDS;
}

/** The sentences of a message, long ones also cut at commas and "but"/"so"/"anyway" into pieces. */
export function clausesOf(text: string): string[] {
  const clauses: string[] = [];
  for (const sentence of text.split(/(?<=\?)|[.!;\n]+|\s-\s|\.\.\./)) {
    if (wordCount(sentence) < MIN_CLAUSE_WORDS) continue;
    clauses.push(sentence.trim());
    if (wordCount(sentence) <= PIECE_WORDS * 1.5) continue;
    let piece = '';
    for (const part of sentence.split(/,|\b(?=but |so |anyway |because |and also |also )/)) {
      // The part after a comma is read alone too: "she's into minimalist stuff, we were thinking maybe a necklace".
      if (piece && wordCount(part) >= MIN_CLAUSE_WORDS) clauses.push(part.trim());
      piece = piece ? `${piece},${part}` : part;
      if (wordCount(piece) >= PIECE_WORDS) {
        clauses.push(piece.trim());
        piece = '';
      }
    }
    if (wordCount(piece) >= MIN_CLAUSE_WORDS) clauses.push(piece.trim());
  }
  return clauses.slice(0, MAX_CLAUSES);
}

// A question is what a long message asks: "…I'd like a ring for her. How does the returning thing work?" is about returns.
const QUESTION = /\?\s*$|^(?:\W*)(?:how|what|when|where|which|why|who|can|could|do|does|did|is|are|will|would|should|may)\b/i;

/**
 * The class probabilities (and text) of the clause whose best class is a request and most probable, questions first
 * (the question a long message ends on is what it asks); failing that, the clearest small talk (a long
 * thank-you is thanks); undefined when every clause is out of scope.
 * Small talk never beats a request: "Hello, I hope you're well." is not what a long message asks.
 * `classify` gives a text's class probabilities.
 */
export function strongestInScopeClause(text: string, outOfScope: number, smallTalk: ReadonlySet<number>, classify: (text: string) => Float64Array): { probabilities: Float64Array; clause: string } | undefined {
  const best: { probabilities: Float64Array; score: number; clause: string }[] = [];
  for (const clause of clausesOf(text)) {
    const probabilities = classify(clause);
    let top = 0;
    for (let k = 1; k < probabilities.length; k++) if (probabilities[k]! > probabilities[top]!) top = k;
    if (top === outOfScope) continue;
    const rank = smallTalk.has(top) ? 2 : QUESTION.test(clause) ? 0 : 1;
    if (probabilities[top]! > (best[rank]?.score ?? 0)) best[rank] = { probabilities, score: probabilities[top]!, clause };
  }
  const chosen = best[0] ?? best[1] ?? best[2];
  return chosen && { probabilities: chosen.probabilities, clause: chosen.clause };
}

/** The last sentence that asks a question ("…How does the returning thing work?"), if any. */
export function lastQuestion(text: string): string | undefined {
  return clausesOf(text).filter((clause) => /\?\s*$/.test(clause)).at(-1);
}
