// How the customer feels and situations the intent alone gets wrong; read from the normalised message.
import type { Cues, Feeling, Situation } from '../types';

const UPSET =
  /\b(?:unhappy|not happy|disappointed|disappointing|terrible|awful|horrible|worst|unacceptable|ridiculous|furious|angry|upset|disgusted|appalled|fed up|outraged|frustrat\w*|annoy\w*|pissed|livid|(?:late|wrong|broken) again|still (?:not|no|has not|hasnt|nothing|waiting)|what are you (?:going to|gonna) do|this is (?:a joke|insane|crazy)|wtf|ffs|seriously\?|never (?:arrived|came|again)|scam|rip ?off|poor service|bad service|sick of|had enough)/;
const ANXIOUS = /\b(?:worried|worry|worrying|nervous|anxious|scared|afraid|panic\w*|stressed|stressing|freaking out|concerned|desperate)\b/;
const URGENT = /\b(?:urgent\w*|emergency|as soon as possible|running out of time|in time for|need (?:it|this|them|the \w+) (?:by|before|for) (?:the |my |our )?\w+|(?:wedding|anniversary|birthday|proposal|engagement|graduation|party|trip) (?:is )?(?:on|this|tomorrow|tonight|next|in \d+ days))/;
const OCCASION = /\b(wedding|anniversary|birthday|proposal|engagement|graduation|honeymoon|trip)\b/;

// A question about delivery of an order not placed yet; "my order" or an order number makes it a lookup.
const FUTURE_DELIVERY =
  /\b(?:if (?:i|we) (?:order|buy|purchase|place)|(?:will|would|could|can) (?:it|this|they|a \w+|the \w+) (?:arrive|get here|be here|come|be delivered|reach (?:me|us))|how (?:long|soon) (?:does|will|would|do) (?:it|shipping|delivery|orders?|you) (?:take|ship|arrive)|(?:order|buy) (?:it |one )?(?:today|now|tonight|tomorrow)\b.*\b(?:arrive|deliver|get)|order by when)/;
const EXISTING_ORDER = /\b(?:my (?:order|package|parcel|delivery|shipment|purchase)|i (?:already )?(?:ordered|bought|purchased|placed)|gg-\d)/;
const MATERIAL_WORRY =
  /\b(?:turn(?:ed|s|ing)? (?:my )?(?:finger|skin|neck|wrist|ear|hand)s? (?:green|black|blue|grey|gray|dark)|(?:green|black|dark) (?:mark|marks|ring|stain|line)s? on (?:my )?(?:finger|skin|neck|wrist)|is (?:it|this|that|the \w+) (?:fake|real|genuine|actually gold|real gold)|(?:fake|not real) (?:gold|silver|diamond|jewelry)|allergic reaction|rash|itch(?:y|ing)|skin (?:reaction|irritation))\b/;
const DISMISSAL = /\b(?:wrong (?:chat|window|tab|person|site|website|conversation|box|number)|(?:sent|typed|wrote) (?:that|this|it) by mistake|did not mean to (?:send|type|write)|ignore (?:that|me|this|my (?:last )?message)|never ?mind|nvm|disregard (?:that|this))\b/;
const CHANGE = /\b(?:exchange|swap|change|switch|different|other size|cancel)\b/;
const BEFORE_SHIPPING = /\b(?:before (?:it|they|the order|my order|you) (?:ships?|is shipped|are shipped|goes out|leaves|is sent|send it)|before shipping|(?:has not|hasnt|not yet|not) (?:been )?(?:shipped|sent))\b/;

// Only short messages are a "wrong chat": a long one carries a request worth answering.
const MAX_DISMISSAL_WORDS = 8;

function situationOf(text: string): Situation | undefined {
  if (DISMISSAL.test(text) && text.split(' ').length <= MAX_DISMISSAL_WORDS) return 'dismissal';
  if (CHANGE.test(text) && BEFORE_SHIPPING.test(text)) return 'change_before_shipping';
  if (MATERIAL_WORRY.test(text)) return 'material_worry';
  if (FUTURE_DELIVERY.test(text) && !EXISTING_ORDER.test(text)) return 'future_delivery';
  return undefined;
}

function feelingOf(text: string): Feeling | undefined {
  if (UPSET.test(text) || /!{2,}|\?{3,}/.test(text)) return 'upset';
  if (ANXIOUS.test(text)) return 'anxious';
  if (URGENT.test(text)) return 'urgent';
  return undefined;
}

export function detectConcerns(text: string): Pick<Cues, 'feeling' | 'occasion' | 'situation'> {
  const feeling = feelingOf(text);
  const situation = situationOf(text);
  const occasion = feeling && OCCASION.exec(text)?.[1];
  return { ...(feeling && { feeling }), ...(occasion && { occasion }), ...(situation && { situation }) };
}
