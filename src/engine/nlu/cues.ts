// Conversational hints the dialog needs: "cheaper", "show more", "the second one", "this", "remove", "urgent".
import type { Cues, Limitation } from '../types';

const REFINEMENTS: [NonNullable<Cues['refinement']>, RegExp][] = [
  ['reset', /\b(?:start over|new search|clear (?:the )?filters|reset (?:the )?(?:search|filters)|anything (?:at all|is fine))\b/],
  ['cheaper', /\b(?:cheaper|less expensive|lower price[sd]?|more affordable|too (?:expensive|pricey|much)|on a budget|budget friendly|inexpensive|lower end|cheapest)\b/],
  ['pricier', /\b(?:more expensive|pricier|higher end|fancier|more luxurious|more premium|bigger budget|splurge)\b/],
  ['more', /^(?:show |see |give me |any |got any |i want |load )?(?:me )?(?:some |a few )?(?:more|others|other ones|next|next page|more options|more results|something else|different ones|anything else)\b|\b(?:show|see|give|load) (?:me )?(?:some |a few )?(?:more|other)\b|\bwhat else\b/],
];

const ORDINALS: [number, RegExp][] = [
  [0, /\b(?:first|1st|number one|no\.? ?1|#1)\b/],
  [1, /\b(?:second|2nd|number two|no\.? ?2|#2)\b/],
  [2, /\b(?:third|3rd|number three|no\.? ?3|#3)\b/],
  [3, /\b(?:fourth|4th|number four|no\.? ?4|#4)\b/],
  [4, /\b(?:fifth|5th|number five|no\.? ?5|#5)\b/],
  [5, /\b(?:sixth|6th|number six|#6)\b/],
  [-1, /\b(?:last|final) (?:one|piece|ring|necklace|pair|item|bracelet|pendant)\b|\bthe last\b/],
];

const REFERS_TO_CURRENT = /\b(?:this|it|this one|this piece|this ring|this necklace|this pendant|this bracelet|these(?: earrings)?|that one|the one i am (?:looking at|viewing|on))\b/;

// Checked in order: "what did I save" lists, "remove the first one" beats "save", "save" beats "show".
const SHORTLIST_OPS: [NonNullable<Cues['shortlistOp']>, RegExp][] = [
  ['list', /\b(?:what (?:did|have) i|show (?:me )?(?:my|what i)|(?:see|view|list|open|check) my|what is (?:in|on) my)\b/],
  ['remove', /\b(?:remove|delete|take (?:it |that |this )?(?:off|out)|drop|unsave|get rid of|clear|empty)\b/],
  ['add', /\b(?:save|add|keep|bookmark|heart|star|remember|mark|put (?:it|this|that|the)|i (?:like|love) (?:the|this|that|it))\b/],
  ['list', /\b(?:show|see|view|list|open|check|what)\b|^(?:my )?(?:shortlist|wish ?list|favou?rites|saved(?: items)?|list)$/],
];

const LIMITATIONS: [Limitation, RegExp][] = [
  ['image_upload', /\b(?:upload|attach|send (?:you )?(?:a |an )?(?:photo|picture|image|screenshot|pic)|share (?:a |an )?(?:photo|picture|image)|inspiration (?:image|photo|picture)s?|photo of|picture of)/],
  ['refund', /\brefund/],
  ['account', /\b(?:my account|account (?:details|settings|information|email|password)|password|log ?in|sign ?in|username|delete my account|saved address|address on file|profile)\b/],
  // "my card is 4242…, can you charge it": asking the chat to take a payment.
  ['payment', /\b(?:pay (?:for|with|by|now|here|through)|take (?:my )?payment|card (?:number|details)|credit card|debit card|checkout|check out for me|process (?:my )?payment|place (?:the|an|my) order for me|buy it for me|charge (?:it|me|this|that|my (?:card|account)|the (?:card|full amount))|run (?:it|my card|the card)|(?:use|take) (?:this|my|the) card|(?:here is|this is|heres) my card|my card (?:is|number)|bill (?:me|my card))\b/],
];

// Only short messages: "yes, and also show me rings" is a new request, not an answer.
const YES = /^(?:(?:yes|yeah|yea|yep|yup|sure|please|yes please|please do|go ahead|sounds good|definitely|absolutely|of course|do it|y|connect me|that would be great|that'd be great|why not)(?: please| thanks| thank you)?|ok|okay)[.!]*$/;
const NO = /^(?:no|nope|nah|no thanks|no thank you|not now|not yet|maybe later|i am good|i am fine|no need|i am ok)(?: thanks| thank you)?[.!]*$/;
const ASKS_PRICE = /\b(?:how much|price|cost|costs|pricing)\b/;

const URGENT = /\b(?:urgent\w*|emergency|as soon as possible|right now|immediately|today|tonight|tomorrow)\b/;

function firstMatch<T>(rules: [T, RegExp][], text: string): T | undefined {
  return rules.find(([, pattern]) => pattern.test(text))?.[0];
}

export function detectCues(text: string): Cues {
  const refinement = firstMatch(REFINEMENTS, text);
  const ordinal = firstMatch(ORDINALS, text);
  const shortlistOp = firstMatch(SHORTLIST_OPS, text);
  const limitation = firstMatch(LIMITATIONS, text);
  return {
    ...(refinement && { refinement }),
    ...(ordinal !== undefined && { ordinal }),
    ...(REFERS_TO_CURRENT.test(text) && { refersToCurrent: true }),
    ...(shortlistOp && { shortlistOp }),
    ...(limitation && { limitation }),
    ...(URGENT.test(text) && { urgent: true }),
    ...(YES.test(text) ? { answer: 'yes' as const } : NO.test(text) ? { answer: 'no' as const } : {}),
    ...(ASKS_PRICE.test(text) && { asksPrice: true }),
  };
}
