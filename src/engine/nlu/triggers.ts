// The guide's reasons to offer a stylist and to alert management, read from the customer's words.
import type { CustomerTier, ManagementReason, StylistReason, Triggers } from '../types';

const STYLIST_RULES: [StylistReason, RegExp][] = [
  ['custom_design', /\b(?:custom(?:ized|ised)?[- ](?:made|design|designed|ring|piece|necklace|order|jewelry|jewellery|engagement)|bespoke|made to (?:order|measure)|design (?:my|our|a|an|me a) (?:own |custom )?(?:ring|necklace|piece|bracelet|pendant|earrings|engagement)|one of a kind (?:piece|ring) for|(?:re ?design|reset|remake|recreate) (?:my|a|an|the|our) (?:grandmother|mother|mom|old|heirloom|family|ring|necklace|stone|diamond))/],
  ['complex_resizing', /\b(?:(?:resiz\w*|sizing)\b.*\b(?:eternity|pave|channel[- ]set|intricate|tension|filigree|engraved|several|multiple|all of|both|two|three|[2-9] rings)|(?:several|multiple|two|three|different) (?:ring )?sizes|(?:several|multiple|two|three|[2-9]) rings? (?:resized|to resize)|(?:eternity|pave|channel[- ]set) (?:band|ring)s? (?:resized|resizing|to be resized))/],
  ['bulk_order', /\b(?:bulk|wholesale|corporate|company gifts?|for (?:my|our) (?:team|staff|employees|company|bridesmaids|groomsmen)|(?:[1-9]\d+|dozen|dozens of|hundreds? of) (?:pieces|rings|necklaces|bracelets|pendants|earrings|pairs|units|items|of these|of them|identical)|large (?:quantity|order)|quantity discount|volume (?:order|discount|pricing)|for \d+ bridesmaids)/],
  ['appraisal', /\b(?:apprais\w*|certificat\w*|certified|certify|gia\b|igi\b|ags\b|valuation|insurance (?:value|papers|document\w*)|grading report|authenticat\w*|authenticity)/],
  ['rush_shipping', /\b(?:rush|expedit\w*|overnight|next[- ]day (?:delivery|shipping)|same[- ]day|(?:need|get|have|receive) (?:it |this |them |one )?(?:by|before) (?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|this week)|as soon as possible|express (?:delivery|shipping)|faster shipping|ship (?:it )?faster)/],
  ['gift_wrapping', /\b(?:gift[- ]?wrap\w*|wrap (?:it|this|them) (?:up )?(?:as a gift|for)|gift box|gift packaging|gift message|gift note|wrapped as a gift|present wrapping)/],
  ['engraving', /\b(?:engrav\w*|inscri\w*|monogram\w*|personali[sz]\w* with|initials (?:on|inside)|put (?:a |our |my )?(?:name|names|date|initials) (?:on|inside))/],
  ['payment_plan', /\b(?:payment plans?|installments?|instalments?|pay (?:it )?(?:over time|monthly|in parts|in \d+|later)|monthly payments|financ\w*|layaway|lay-by|afterpay|klarna|affirm|sezzle|split (?:the|my|it into)? ?(?:payments?|cost|price))/],
  ['custom_pricing', /\b(?:price match\w*|match (?:the|a|their) price|negotiat\w*|(?:a |an )?(?:custom|special|better|lower) (?:price|quote|deal)|(?:give|get|offer) (?:me |us )?(?:a )?(?:quote|discount|deal)|can you do (?:it|this|that) for|knock (?:some|a bit|\d+) off|lower the price|haggle|best price you can do|discount for (?:me|us|paying))/],
];

const MANAGEMENT_RULES: [ManagementReason, RegExp][] = [
  ['legal_threat', /\b(?:lawyers?|attorneys?|sue|suing|lawsuit|legal action|take (?:you|this) to court|small claims|court|solicitor|legal team|report you to|consumer protection|better business bureau|bbb\b|trading standards)/],
  ['financial_error', /\b(?:(?:double|twice|two times) charged|charged (?:me )?(?:twice|two times|double|2x|three times)|billed (?:me )?twice|duplicate (?:charge|payment|transaction)|overcharg\w*|wrong (?:price|amount|charge|total)|incorrect (?:price|charge|amount|total)|charged (?:me )?(?:more|the wrong|too much|full price)|price (?:was|is) wrong|charged (?:me )?for (?:something|an order) i (?:did not|never)|refunded the wrong amount|price\b[^.]{0,40}\bdifferent|different (?:price|amount) than|paid more than|charged (?:me )?more than)/],
  ['privacy_concern', /\b(?:privacy|gdpr|ccpa|data breach|breach|leak\w*|hacked|someone else'?s? (?:order|data|information|details|address|name)|another customer'?s?|my (?:personal )?(?:data|information) (?:was|is|got|has)|delete (?:all )?my (?:data|information|account|details)|sold my (?:data|information|email)|who has (?:access to )?my data|spam(?:med|ming)? me)/],
];

// Strong dissatisfaction: with a VIP customer this alerts management (the guide's "unhappy VIP").
const UNHAPPY = /\b(?:unhappy|not happy|disappointed|disappointing|terrible|awful|horrible|worst|unacceptable|ridiculous|furious|angry|upset|disgusted|appalled|complain\w*|fed up|outraged|never (?:again|shopping)|waste of|scam|rip ?off|poor service|bad service|very bad)\b/;
const SAYS_VIP = /\b(?:i am (?:a |an )?vip|vip (?:customer|member|client)|as a vip|loyal customer for (?:years|\d+ years)|spent (?:thousands|\d+k))/;

export function detectTriggers(text: string, tier: CustomerTier | undefined): Triggers {
  const stylist = STYLIST_RULES.filter(([, pattern]) => pattern.test(text)).map(([reason]) => reason);
  const management = MANAGEMENT_RULES.filter(([, pattern]) => pattern.test(text)).map(([reason]) => reason);
  if (UNHAPPY.test(text) && (tier === 'vip' || SAYS_VIP.test(text))) management.push('unhappy_vip');
  return { stylist, management };
}
