// Hand-picked words that hint at an intent: extra classifier features, so a hint learned from a few
// examples carries over to synonyms the corpus never used ("dispatched" like "shipped").
import type { Intent } from '../types';

const HINTS: [Intent | 'shop' | 'elsewhere', RegExp][] = [
  ['order_tracking', /\b(?:track\w*|ship(?:ped|ment)|dispatch\w*|deliver(?:ed|y)|arriv\w*|package|parcel|courier|carrier|in transit|on (?:the|its) way|where(?: is)? my|status|eta|haven'?t (?:received|got)|not (?:received|arrived)|never (?:got|came|arrived)|shown up|still waiting)\b/],
  ['return_request', /\b(?:return\w*|send (?:it |them |this )?back|refund me|money back|exchange\w*|damaged|broken|defective|faulty|wrong item|not as described|chipped|scratched|tarnish\w*|snapped|fell (?:off|out)|replacement)\b/],
  ['resize_request', /\b(?:resiz\w*|re-?size|siz(?:ed|ing)|too (?:big|small|tight|loose|large)|to (?:big|small|tight)|doesn'?t fit|does not fit|won'?t fit|bigger size|smaller size|size (?:up|down)|half (?:a )?size|snug|loose|tight|slipping|knuckle|finger)\b/],
  ['stylist_escalation', /\b(?:stylist|human|person|people|someone|somebody|agent|representative|rep|operator|manager|supervisor|expert|jeweler|gemologist|consult\w*|appointment|call me|call back|speak|talk|chat with|escalat\w*|complain\w*|lawyer|attorney|sue|legal|bulk|wholesale|corporate|apprais\w*)\b/],
  ['customization', /\b(?:custom\w*|personali[sz]\w*|engrav\w*|inscri\w*|monogram\w*|design\w*|bespoke|3d|capsules?|modify|alter|swap|instead|change the (?:stone|metal|setting)|different (?:metal|stone|setting|chain length)|my own|made to order|make (?:it|me|one)|build|create|upload|photo|picture|upgrade|setting|initials|names? on)\b/],
  ['reservation', /\b(?:hold\w*|reserv\w*|set (?:it |this )?aside|keep (?:it|this|one) (?:for|aside)|put (?:it |this )?aside|layaway|deposit|pre-?order|until (?:payday|friday|monday|next)|till|pay later|don'?t sell|nobody else|lock (?:in )?the price)\b/],
  ['order_change', /\b(?:cancel\w*|change (?:my|the) (?:order|address|shipping|delivery|payment|email|name|billing)|update (?:my|the) (?:order|address|card|billing|account|email|phone)|modify (?:my|the) order|edit (?:my|the) order|add (?:\w+ )?to my order|from my order|refund (?:status|hasn'?t|has not|yet)|my refund|password|log ?in|account|billing|receipt|invoice|coupon|promo code|discount code|address)\b/],
  ['shortlist', /\b(?:shortlist\w*|wish ?list|favou?rites?|saved?|bookmark|heart this|star this|remember this|my list|on my list|to my list|for later)\b/],
  ['faq', /\b(?:polic(?:y|ies)|warrant\w*|guarantee|shipping (?:cost|time|options|rates)|how long does|how much (?:is|does)|do you (?:ship|offer|accept|take|have a|sell gift)|payment methods?|accept|paypal|apple pay|klarna|afterpay|conflict[- ]free|ethical\w*|certif\w*|clean\w*|care for|tarnish|hypoallergenic|allerg\w*|solid|plated|vermeil|karat|14k|18k|ready to ship|store|showroom|located|hours|open|customs|duties|tax|insur\w*|gift (?:wrap\w*|box|cards?)|ring size guide|measure|sizer|chart|what is|what does|difference between)\b/],
  ['greeting', /^(?:hi+|hello+|hey+|hiya|howdy|yo|sup|good (?:morning|afternoon|evening|day)|greetings|hola|bonjour|morning|evening)\b/],
  ['thanks', /\b(?:thanks?|thank you|thx|appreciate\w*|cheers|helpful|grateful|merci|gracias)\b/],
  ['goodbye', /\b(?:bye|goodbye|see (?:you|ya)|later|good night|take care|ciao|adios|farewell|that'?s all|that is all|all set|i am done|gotta go|have to go|have a (?:good|nice|great))\b/],
  // Other shops, services and topics a general assistant hears: "refund for my flight", "my amazon order".
  ['elsewhere', /\b(?:amazon|ebay|etsy|walmart|ikea|zara|shein|temu|asos|aliexpress|best buy|costco|netflix|spotify|uber|lyft|airbnb|airlines?|flights?|tickets?|subscriptions?|gym|landlord|the sun|the moon|the earth|universe|galaxy|black holes?|mount everest|bitcoin|crypto|stock market|mortgage|taxes|homework|essay|recipe|weather|forecast|rain(?:ing)?|snow(?:ing)?|python|javascript|planets?|jupiter|saturn|aliens?|martians?|ghosts?|hack\w*|spy on)\b|\b(?:do you have an? (?:wife|husband|girlfriend|boyfriend|partner|family|kids|children|pets?|body|soul)|are you (?:married|single|alive|conscious|sentient|lonely|in love)|how old are you|where do you live|do you (?:dream|sleep|eat|love me|like me))\b/],
  ['shop', /\b(?:jewel\w*|ring|rings|necklaces?|pendants?|earrings?|bracelets?|bangles?|chains?|hoops|studs|gold|silver|platinum|diamonds?|gem\w*|stones?|pearls?|sapphires?|emeralds?|rub(?:y|ies)|moissanite|opals?|carat|karat|order|purchase|bought)\b/],
];

/** The names of the hints a message shows, as classifier features ("k:order_tracking", "k:shop"). */
export function keywordHints(text: string): string[] {
  const hints: string[] = [];
  for (const [name, pattern] of HINTS) if (pattern.test(text)) hints.push(`k:${name}`);
  return hints;
}
