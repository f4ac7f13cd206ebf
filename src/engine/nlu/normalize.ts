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
  // British spellings, so "jewellery" and "jewelry" are one word to the classifier.
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
  cancelled: 'canceled',
}));

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
    .replace(SLANG_WORD, (word) => SLANG.get(word) ?? word);
}

// "ring's too loose", "my wife's birthday": the noun matters, not the 's ("ring's" must not read as "rings").
const POSSESSIVE = /\b(?!(?:it|what|where|that|how|who|there|here|he|she|let)'s\b)([a-z]+)'s\b/g;
