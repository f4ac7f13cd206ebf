// Text normalisation shared by the extractors and the classifier: case, accents, punctuation, chat slang.

// Chat shorthand that hides the real word from both the extractors and the classifier.
const SLANG = new Map<string, string>(Object.entries({
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  tnx: 'thanks',
  ty: 'thank you',
  tysm: 'thank you so much',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  gimme: 'give me',
  lemme: 'let me',
  im: 'i am',
  cant: 'can not',
  cannot: 'can not',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  wont: 'will not',
  isnt: 'is not',
  whats: 'what is',
  wheres: 'where is',
  hows: 'how is',
  thats: 'that is',
  ive: 'i have',
  b4: 'before',
  '2day': 'today',
  '2morrow': 'tomorrow',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  msg: 'message',
  pic: 'picture',
  pics: 'pictures',
  info: 'information',
  asap: 'as soon as possible',
  w: 'with',
  'w/': 'with',
  abt: 'about',
  smth: 'something',
  sth: 'something',
  ppl: 'people',
  bday: 'birthday',
  gf: 'girlfriend',
  bf: 'boyfriend',
  wifey: 'wife',
  hubby: 'husband',
  yo: 'hey',
  hiya: 'hi',
  kk: 'ok',
  okay: 'ok',
  // British spellings and words ("jewellery", "enquire", "parcel", "postage", "telephone"): one word to the classifier.
  jewellery: 'jewelry',
  jewelery: 'jewelry',
  jeweller: 'jeweler',
  jewellers: 'jewelers',
  colour: 'color',
  colours: 'colors',
  favourite: 'favorite',
  favourites: 'favorites',
  personalise: 'personalize',
  personalised: 'personalized',
  customise: 'customize',
  customised: 'customized',
  enquiry: 'inquiry',
  enquiries: 'inquiries',
  enquire: 'ask',
  enquiring: 'asking',
  enquired: 'asked',
  cancelled: 'canceled',
  despatch: 'dispatch',
  despatched: 'dispatched',
  fortnight: 'two weeks',
  parcel: 'package',
  parcels: 'packages',
  postage: 'shipping',
  posted: 'shipped',
  telephone: 'phone',
  telephoned: 'phoned',
  'united kingdom': 'uk',
  'great britain': 'uk',
  britain: 'uk',
  postcode: 'zip code',
  grey: 'gray',
  centre: 'center',
  organise: 'organize',
  realise: 'realize',
  realised: 'realized',
  apologise: 'apologize',
}));

/** `text` as a literal inside a RegExp. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lower-case, strip accents, unify quotes/dashes and collapse spaces; keeps `$`, `@`, `.`, `,`, `-`, `#`. */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u2032`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

// One alternation of every shorthand, longest first, so only the words that need it are replaced.
const SLANG_WORD = new RegExp(
  `(?<![a-z0-9/])(?:${[...SLANG.keys()].sort((a, b) => b.length - a.length).map((word) => word.replace('/', '\\/')).join('|')})(?![a-z0-9/])`,
  'g',
);

/** Expands chat shorthand word by word ("can u hold it" → "can you hold it"). Apostrophes are dropped first. */
export function expandSlang(text: string): string {
  return text
    .replace(POSSESSIVE, '$1')
    .replace(/(\w)'(\w)/g, '$1$2')
    .replace(SLANG_WORD, (word) => SLANG.get(word) ?? word)
    .replace(RING_A_PERSON, '$1call $2')
    .replace(POST_A_PARCEL, (_, what: string | undefined) => (what ? `ship ${what}` : 'by mail'));
}

// Letter forms say nothing about the request: "Dear Sir or Madam, I am writing to enquire whether…" is a
// question, not a cover letter, and "Yours faithfully, Margaret" is no goodbye. Stripped when something remains.
const SALUTATION = /^(?:dear (?:sirs?(?: or madam| and madams?|\/madam)?|madam|team|all|glowglitch|customer (?:service|care|support))|to whom it may concern)\b[,.:!]*\s*/;
const WRITING_TO = /\bi am writing(?: to you)? (?:to |in order to |because |as )?/g;
const SIGN_OFF = /[,.!]?\s*(?:yours (?:faithfully|sincerely|truly)|kind(?:est)? regards|best regards|warm regards|with (?:many )?thanks|thanking you in advance|i look forward to hearing from you)\b[^?]{0,40}$/;

/** Strips a letter's salutation, "I am writing to" and sign-off from a normalised message. */
export function stripLetterForm(text: string): string {
  const stripped = text.replace(SALUTATION, '').replace(WRITING_TO, '').replace(SIGN_OFF, '').trim();
  return stripped || text;
}

// British "post" for ship: "do you post parcels abroad", "sent by post".
const POST_A_PARCEL = /\bpost (it|them|this|that|the|my|your|packages?|abroad|overseas|to|internationally|out)\b|\bby post\b/g;

// British "ring someone" is a phone call, not a ring search: "could someone ring me", "may I ring the shop".
const RING_A_PERSON = /\b((?:to|i|ill|i will|can|could|may|shall|would|will|please|someone|somebody|you|they) )(?:ring|phone) (me|you|us|someone|somebody|back|up|the shop|the store|your|a person|them)\b/g;

// "ring's too loose", "my wife's birthday": the noun matters, not the 's ("ring's" must not read as "rings").
const POSSESSIVE = /\b(?!(?:it|what|where|that|how|who|there|here|he|she|let)'s\b)([a-z]+)'s\b/g;
