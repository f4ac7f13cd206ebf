// A scripted "model" for the fake server: it reads the last message like a well-behaved model that calls tools would,
// and words the tool results it gets back. Words in the message pick the failure cases the tests need.
import { lastTurn, type FakeReply, type Script } from './fake-llm';

type Result = Record<string, unknown>;
const names = (items: unknown) => (Array.isArray(items) ? items.map((item) => (item as { name: string }).name) : []);

function wordsFor(tool: string, result: Result): string {
  switch (tool) {
    case 'search_products': {
      const shown = names(result.shown);
      return shown.length ? `I found ${String(result.total)} ready-to-ship pieces. Here are ${shown.length}: ${shown.join(', ')}.` : "I couldn't find an exact match, so here are the closest pieces.";
    }
    case 'track_order':
      if (result.found === true) return `Your order ${String(result.number)} is ${String(result.status).toLowerCase()}${result.carrier ? ` with ${String(result.carrier)}` : ''}.`;
      if (result.error === 'email_required') return 'To keep orders private I need the email you used at checkout. Please enter it in the form.';
      return "I couldn't find an order with that number and email. Please check both.";
    case 'search_help':
      return result.found === true ? String(result.body) : "I don't have an article on that, but a stylist can help.";
    default:
      return 'Done. Is there anything else I can help with?';
  }
}

export const conciergeModel: Script = (request) => {
  const { user, toolResults } = lastTurn(request);
  const text = user.toLowerCase();
  if (toolResults.length > 0) {
    const words = { text: toolResults.map(({ name, result }) => wordsFor(name, result)).join(' ') };
    // "Take your time": the answer's first words come, then a 2-second pause, as from a busy model.
    return text.includes('take your time') ? { delayMs: 2_000, stallAfterFirst: true, reply: words } : words;
  }
  if (text.includes('slow')) return { delayMs: 60_000, reply: { text: 'Sorry for the wait.' } };
  if (text.includes('broken')) return { text: '', toolCalls: [{ name: 'search_products', arguments: '{"query": "rings", "max_price": ' }] };
  const order = /\bgg-\d{4,8}\b/i.exec(user);
  if (order) {
    // Given no email, this model does what an injected one would: it tries the lookup with an address it made up.
    const email = /\[email \d+\]/.exec(user)?.[0] ?? 'owner@example.com';
    return { text: '', toolCalls: [{ name: 'track_order', arguments: JSON.stringify({ order_number: order[0].toUpperCase(), email }) }] };
  }
  if (/\b(?:rings?|necklaces?|pendants?|earrings?|bracelets?|bands?|hoops|jewel\w*)\b/.test(text)) {
    return { text: 'Let me look through our ready-to-ship pieces. ', toolCalls: [{ name: 'search_products', arguments: JSON.stringify({ query: user }) }] } satisfies FakeReply;
  }
  if (/\b(?:shipping|ship|delivery|warranty|care)\b/.test(text)) return { text: '', toolCalls: [{ name: 'search_help', arguments: JSON.stringify({ query: user }) }] };
  return { text: "I'm Aurora, your concierge. I can find jewelry, track an order or connect you with a stylist." };
};
