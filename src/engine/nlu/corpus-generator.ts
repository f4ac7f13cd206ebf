// A deterministic generator of training examples in the ways customers really write: requests (templates
// with synonym banks) × framings ("I need help to…", "can u…") × voices (rambling, angry, typos, run-together
// words, SHOUTING). It fills the topics and phrasings the hand-written corpus misses; the same seed always
// gives the same examples, so the trained model stays reproducible.
import type { Intent } from '../types';
import { seededRandom } from './classifier';
import type { TrainingExample } from './model';

type Bank = Record<string, string[]>;

// Slot values: {piece} a kind of jewelry, {mine} one the customer owns, {order} how they name an order.
const BANK: Bank = {
  piece: ['ring', 'necklace', 'bracelet', 'pair of earrings', 'pendant', 'engagement ring', 'wedding band', 'chain', 'pair of studs', 'bangle', 'anklet', 'charm bracelet'],
  pieces: ['rings', 'necklaces', 'bracelets', 'earrings', 'pendants', 'engagement rings', 'wedding bands', 'hoops', 'studs', 'chains', 'bangles'],
  mine: ['my ring', 'the necklace', 'my earrings', 'the bracelet i bought', 'this pendant', 'the item', 'my purchase', 'the ring i got', 'my order', 'the chain', 'the earrings i ordered', 'it'],
  ring: ['my ring', 'the ring', 'my engagement ring', 'my wedding band', 'this ring', 'the band', 'the ring i bought'],
  order: ['my order', 'my purchase', 'the order', 'my package', 'order GG-104236', 'purchase 104236', 'order #104236', 'gg 104 236', 'my order 104237', 'order number 104238', 'GG104239', 'my parcel'],
  money: ['a refund', 'my money back', 'a reimbursement', 'compensation', 'a rebate', 'a restitution of my money', 'a full refund', 'reimbursed', 'refunded', 'the money back', 'restitution', 'my money returned'],
  metal: ['gold', 'white gold', 'rose gold', 'yellow gold', 'silver', 'platinum', 'sterling silver'],
  stone: ['diamond', 'sapphire', 'emerald', 'pearl', 'ruby', 'moissanite', 'opal'],
  price: ['under $500', 'around 300', 'between 200 and 400', 'under 1000 dollars', 'for less than $150', 'up to 2k', ''],
  who: ['my wife', 'my girlfriend', 'my mom', 'my sister', 'a friend', 'my husband', 'my daughter', 'my boyfriend', 'my grandmother', 'a coworker'],
  country: ['Finland', 'Canada', 'the UK', 'Australia', 'Germany', 'Mexico', 'Japan', 'Brazil', 'Ireland', 'India', 'France', 'Spain', 'Norway', 'New Zealand', 'Singapore', 'Europe', 'South Africa'],
  pay: ['paypal', 'apple pay', 'klarna', 'a credit card', 'amex', 'google pay', 'a debit card', 'afterpay', 'bank transfer', 'a gift card'],
  day: ['friday', 'next week', 'payday', 'the weekend', 'monday', 'the end of the month'],
  size: ['7', '6.5', '8', '5', '9'],
  flaw: ['arrived broken', 'is damaged', 'is scratched', 'is not what i ordered', 'broke after two days', 'is tarnishing already', 'came with a missing stone', 'is defective', 'looks nothing like the photos', 'is the wrong color'],
  city: ['paris', 'new york', 'tokyo', 'london', 'chicago'],
  // Gift buyers: the occasion, the person, the budget, the date it must arrive by.
  occasion: ['her birthday', 'our anniversary', "mother's day", 'christmas', "valentine's day", 'graduation', 'her retirement', 'a baby shower', 'our 10th anniversary', 'eid', 'her 40th', 'a wedding', 'a bridal shower', 'the holidays'],
  recipient: ['my wife', 'my mom', 'my bridesmaids', 'my mother in law', 'my niece', 'a 10 year old', 'my teenage daughter', 'my best friend', 'my fiancee', 'my grandma', 'my boss', 'my girlfriend', 'my sister in law', 'my husband', 'a coworker who is leaving', 'my twin daughters', 'a new mom'],
  budget: ['under $200', 'around 150', 'for less than 100 dollars', 'max 300', 'up to $500', 'nothing over 250', 'between 100 and 200', 'on a budget', ''],
  when: ['by friday', 'before christmas', 'by the 14th', 'in time for her birthday', 'by next weekend', 'before saturday', 'by december 20', 'in 5 days'],
};

// Requests a framing can wrap: "I need help to <request>". Each is also used on its own.
const REQUESTS: Partial<Record<Intent, string[]>> = {
  return_request: [
    'return {mine}', 'send {mine} back', 'get {money}', 'get {money} for {mine}', 'get {money} for my order', 'start a return',
    'return {mine} and get {money}', 'make a return', 'request {money}', 'claim {money} for {mine}', 'be reimbursed for {mine}',
    'return an item', 'exchange {mine} for something else', 'send back {mine} for {money}', 'get my money back', 'return a gift',
    'ask for {money}', 'receive {money} for the damaged {piece}', 'open a return for {mine}',
  ],
  faq: [
    'know your refund policy', 'know how long a refund takes', 'know when i get my money back after a return', 'know how many days i have to return something',
    'know if you ship to {country}', 'order from {country}', 'buy from {country}', 'get a delivery to {country}', 'know which countries you ship to',
    'know how long delivery takes', 'know how long shipping to {country} takes', 'know the delivery time', 'know when it would arrive if i order today',
    'know your customer service hours', 'know at what time i can call customer service', 'know when your support team is available', 'know your opening hours',
    'know the accepted payment methods', 'pay with {pay}', 'know what payment modalities you accept', 'know which forms of payment you take',
    'know how much shipping costs', 'know if shipping is free', 'know about your warranty', 'know how to clean a {metal} {piece}', 'find my ring size',
    'know if the {metal} is solid or plated', 'know what ready to ship means', 'know if you offer gift wrapping',
    'get it delivered {when}', 'know if it will arrive {when}', 'add a gift note', 'include a gift message', 'leave the price out of the box', 'send it straight to {recipient}',
    'know if the receipt is in the box', 'know if {recipient} can return it', 'know if there is a gift receipt', 'know how the returning thing works', 'know how returns work',
  ],
  order_change: [
    'cancel {order}', 'cancel purchase 3707955617', 'edit {order}', 'modify {order}', 'change the shipping address on {order}', 'change the size on {order}',
    'update the delivery address of {order}', 'change {order}', 'add something to {order}', 'remove an item from {order}', 'change the metal on {order} before it ships',
    'stop {order} from shipping', 'amend {order}', 'correct the address on {order}', 'change the email on {order}', 'cancel the order i just placed',
    'change my payment method on {order}', 'update my billing address',
  ],
  order_tracking: [
    'track {order}', 'know where {order} is', 'check the status of {order}', 'find out when {order} will arrive', 'get an update on {order}',
    'locate {order}', 'see the tracking for {order}', 'know if {order} has shipped', 'follow {order}',
  ],
  product_search: [
    'buy something', 'buy a gift for {who}', 'purchase a gift', 'find a {piece} {price}', 'see some {metal} {pieces}', 'order a {piece}', 'buy jewelry',
    'get something nice for {who}', 'shop for {pieces}', 'look at {stone} {pieces}', 'buy a present for {who}', 'make a purchase', 'order something for {who}',
    'buy a {metal} {piece} {price}', 'find a gift {price}', 'purchase a {piece}', 'see what {pieces} you have', 'get a {stone} {piece} for {who}',
    'find a gift for {recipient} {budget}', 'get something for {recipient} for {occasion}', 'pick a present for {occasion} {budget}', 'find {pieces} for {recipient}',
    'buy matching {pieces} for {recipient}', 'find something for {recipient} {budget}', 'choose a {piece} for {occasion}', 'get {recipient} a {metal} {piece}',
  ],
  stylist_escalation: [
    'speak with an assistant', 'speak to a human', 'talk to a real person', 'talk to someone', 'chat with an agent', 'get in touch with a stylist',
    'reach a customer service agent', 'speak with customer support', 'talk to a representative', 'be contacted by a stylist', 'have someone call me back',
    'book a consultation with a stylist', 'speak to a manager', 'speak with a live agent', 'get a human on the line', 'talk with an expert',
  ],
  resize_request: [
    'resize {ring}', 'get {ring} resized', 'make {ring} smaller', 'make {ring} bigger', 'change the size of {ring} to {size}', 'have {ring} sized up',
    'size down {ring}', 'get {ring} adjusted to a size {size}', 'fix the size of {ring}',
  ],
  customization: [
    'engrave {mine}', 'engrave a name on a {piece}', 'customize a {piece}', 'design my own ring', 'have a {piece} made in {metal} instead',
    'swap the stone on a {piece}', 'personalize a {piece}', 'add initials to a {piece}', 'create a custom {piece}', 'change the stone to a {stone}',
  ],
  reservation: [
    'hold this {piece} for me', 'reserve a {piece}', 'put this {piece} aside until {day}', 'keep this {piece} for me until {day}', 'put a deposit on this {piece}',
    'pre-order a {piece}', 'hold it until {day}',
  ],
  shortlist: [
    'save this {piece} to my favorites', 'add this to my wishlist', 'see my saved items', 'remove the {piece} from my shortlist', 'bookmark this {piece}',
    'see my shortlist', 'keep this {piece} on my list for later',
  ],
  out_of_scope: [
    'write a cover letter', 'book a flight to {city}', 'fix my wifi', 'order a pizza', 'find a recipe for lasagna', 'check the weather in {city}', 'set an alarm',
    'learn python', 'cancel my netflix subscription', 'translate this into french', 'do my homework', 'file my taxes', 'pay my phone bill', 'reset my iphone',
    'get a loan', 'find a good dentist', 'rent a car in {city}', 'get a refund from my airline', 'change my flight', 'track my amazon package',
  ],
};

// Whole messages that are not a request a framing can wrap.
const STATEMENTS: Partial<Record<Intent, string[]>> = {
  return_request: [
    '{mine} {flaw}, i want {money}', 'the {piece} {flaw}', '{who} did not like the {piece}, can i return it', 'i want my money back', 'give me my money back',
    'refund me', 'i demand a refund', 'i want {money} for {mine}', 'this is not as described, i want to send it back', 'i received the wrong item',
    'i would like a reimbursement', 'where do i send the {piece} back', 'money back please', 'the {piece} {flaw}, what are you going to do about it',
  ],
  faq: [
    'what is your refund policy', 'how long does a refund take', 'when will i get my money after the return', 'do you ship to {country}', 'is it possible to order from {country}?',
    'can i order from {country}', 'which countries do you deliver to', 'do you ship internationally', 'how long does delivery take', 'how many days for shipping to {country}',
    'will it arrive before christmas if i order today', 'at what time can i call customer service', 'what are your customer service hours', 'when is customer support open',
    'are you open on weekends', 'what is your phone number', 'what are the accepted payment modalities', 'what payment methods do you accept', 'can i pay with {pay}',
    'do you take {pay}', 'which cards do you accept', 'is shipping free', 'how much is shipping to {country}', 'what are the delivery times', 'how fast do you ship',
    'do refunds go back to my card', 'how many days do i have to return', 'is there a restocking fee', 'do you refund the shipping cost', 'when do you answer the phone',
    'will it get there {when}', 'can it arrive {when} if i order now', 'how long to {country} if i order this weekend', 'will the price be on the receipt in the box',
    'is the price shown anywhere in the package', 'can {recipient} exchange it if it does not fit', 'can {recipient} return it without me', 'do you include a gift receipt',
    'can i add a gift note', 'can you write a card for {occasion}', 'does it come in a gift box', 'can you ship it directly to {recipient}', 'is gift wrap free',
    'how does the returning thing work', 'how do returns work', 'how does your return process work', 'what happens if she does not like it', 'what if it is the wrong size for her',
    'my card is **** **** **** 4242 can you charge it', 'can you take my card number here', 'can i pay you in the chat',
  ],
  order_change: [
    'i placed an order by mistake', 'i put the wrong address on {order}', 'cancelling {order}', 'order cancellation', 'editing {order}', 'i want to cancel',
    'i ordered the wrong size, please change it before it ships', 'please cancel {order} asap', 'i changed my mind, cancel {order}', 'wrong address on my order',
    'where is my refund', 'my refund has not arrived yet', 'cancel it', 'can you stop the shipment',
  ],
  order_tracking: [
    'where is {order}', '{order} has not arrived yet', 'has {order} shipped', '{order} still not here', 'status of {order}', 'when will {order} arrive',
    'my package is late', 'it has been two weeks and still nothing', '{order} is late', 'i never received {order}', 'any news on {order}', 'purchase 104236',
    '{order} where is it', 'still waiting for {order}',
  ],
  product_search: [
    'looking for {pieces} {price}', 'show me {metal} {pieces} {price}', 'any {stone} {pieces}?', 'something for {who} {price}', 'gift ideas for {who}',
    'i want to buy something', 'what do you recommend for an anniversary', '{metal} {piece} {price}', 'do you have {stone} {pieces}', 'need a present for {who}',
    'what should i get {recipient} for {occasion}', 'something for {recipient} {budget}', 'gift for {recipient} {budget}', 'ideas for {occasion} {budget}',
    'what would {recipient} like', 'help me pick something for {recipient}', '{occasion} is coming up and i need something for {recipient}', 'need 5 matching {pieces} for {recipient}',
    'something special for {occasion}', 'what do you suggest for {recipient}, she likes simple stuff', 'anything for {recipient} that can arrive {when}', 'no idea what to get {recipient}',
    '{budget} instead', 'in {metal} instead', 'what about {metal}', 'actually {budget}', 'only {stone} ones', 'how about {pieces}',
  ],
  stylist_escalation: [
    'human please', 'agent', 'real person now', 'this bot is useless, get me a person', 'i want to talk to a human being', 'let me speak to someone',
    'connect me to an agent', 'is there a person i can talk to', 'put me through to customer service', 'i need a stylist',
  ],
  resize_request: ['{ring} is too big', '{ring} is too tight', '{ring} does not fit', '{ring} keeps slipping off my finger', '{ring} will not go over my knuckle'],
  customization: ['can it be engraved', 'do you do custom designs', 'can you make this {piece} in {metal}', 'i want initials on the {piece}'],
  reservation: ['can you hold it for me', 'please reserve it until {day}', 'do not sell this {piece}, i will buy it on {day}'],
  shortlist: ['save it', 'add to favorites', 'show my wishlist', 'remove it from my list'],
  out_of_scope: [
    'sorry wrong chat lol', 'oops wrong window', 'tell me a joke', 'what is the capital of peru', 'who won the game last night', 'what is 15 times 7',
    'asdfgh', 'whats the weather like in {city}', 'sing me a song', 'what time is it in {city}', 'recommend a movie', 'how do i boil an egg',
    'sorry that message was not for you', 'never mind, wrong tab',
    'can you help me write a cover letter for a bank job', 'plan a 10 day trip to {city} for our anniversary', 'what should i cook for {occasion} dinner', 'my head hurts since monday, should i see a doctor',
    'what gift should i give my coworker, maybe a mug or a book', 'write a poem for {occasion}', 'the vet is closed until monday, what can i do for my dog', 'help me plan a birthday party for 20 people',
  ],
};

// How customers wrap a request. Each applies to every intent, out of scope included, so a framing is
// never evidence for one intent or for out-of-scope.
const FRAMINGS = [
  '{r}', 'i need help to {r}', 'i need assistance to {r}', 'i dont know how i can {r}', 'i do not know how to {r}', 'can u help me {r}', 'can you help me {r}',
  'could you help me {r}', 'i would like to {r}', "i'd like to {r}", 'i want to {r}', 'i wanna {r}', 'how do i {r}', 'how can i {r}', 'is it possible to {r}',
  'is there a way to {r}', 'where can i {r}', 'help me {r}', 'please help me {r}', "i'm trying to {r}", 'i have been trying to {r}', 'i need to {r}',
  'what do i have to do to {r}', 'what should i do to {r}', 'can i {r}', 'would it be possible to {r}', 'kindly help me to {r}', 'i need help on how to {r}',
  'i want help to {r}', 'i need to know how to {r}', 'tell me how to {r}', 'hi, i would like to {r}', 'i was wondering if i could {r}', 'can u {r}', 'need to {r}',
];

const OPENERS = ['', '', '', 'hi ', 'hello, ', 'hey ', 'good morning, ', 'quick question: ', 'sorry to bother you but ', 'um ', 'ok so ', 'hello there. '];
const CLOSERS = ['', '', '', ' please', ' thanks', ' thank you', ' asap', ' thx', '?', '!!', ' pls help', ', thanks in advance', ' :)'];

// Backstory that says nothing about the intent: long messages must not read as out of scope for their length.
const BACKSTORY = [
  "I've been a customer for a couple of years and always loved your pieces.", "So this is a bit of a long story, sorry.",
  "I bought something from you last month for {who}'s birthday.", "I'm not very good with computers so bear with me.",
  "{who} and I have been planning this for ages.", "I tried looking on the website but could not find anything.", "It's been a crazy week honestly.",
  'English is not my first language, sorry for mistakes.', "I hope you're having a good day.", 'I was talking to {who} about it yesterday.',
  'We are getting married in June and everything is so hectic.', 'I already emailed once but never heard back.', 'I have a few questions actually.',
  'I work nights so this is the only time I can write.', 'My friend recommended your shop.',
];
const AFTERWORD = ['Anyway, thanks so much for your help!', 'Sorry for the long message.', 'Thank you in advance.', 'Any help would be great.', 'Hope that makes sense.', ''];

const ANGER = ['THIS IS RIDICULOUS.', 'I am so angry right now.', 'worst service ever.', 'you people are useless.', "I've asked three times already!!", 'Unbelievable.', 'wtf', 'seriously???'];
const SWEARS = ['damn', 'freaking', 'the hell', 'f*cking', 'bloody', 'wtf'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function fill(template: string, random: Random): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => pick(random, BANK[slot]!)).replace(/\s+/g, ' ').trim();
}

// Noise as phones and hurry make it: a typo, two words run together, SHOUTING, a swear word, no punctuation.
function typo(text: string, random: Random): string {
  const words = text.split(' ');
  const candidates = words.map((word, i) => [word, i] as const).filter(([word]) => /^[a-z]{5,}$/.test(word));
  if (candidates.length === 0) return text;
  const [word, index] = pick(random, candidates);
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = random();
  words[index] = kind < 0.4 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : kind < 0.7 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at] + word.slice(at);
  return words.join(' ');
}

function runTogether(text: string, random: Random): string {
  const words = text.split(' ');
  if (words.length < 3) return text;
  const at = Math.floor(random() * (words.length - 1));
  return [...words.slice(0, at), words[at]! + words[at + 1]!, ...words.slice(at + 2)].join(' ');
}

function swear(text: string, random: Random): string {
  const words = text.split(' ');
  const at = Math.floor(random() * words.length);
  return [...words.slice(0, at), pick(random, SWEARS), ...words.slice(at)].join(' ');
}

function voice(text: string, random: Random): string {
  const roll = random();
  if (roll < 0.12) return typo(text, random);
  if (roll < 0.2) return runTogether(text, random);
  if (roll < 0.27) return `${text.toUpperCase()}!!`;
  if (roll < 0.34) return `${pick(random, ANGER)} ${swear(text, random)}`;
  if (roll < 0.42) return text.replace(/[^\w\s#$-]/g, '');
  if (roll < 0.56) return `${fill(pick(random, BACKSTORY), random)} ${fill(pick(random, BACKSTORY), random)} ${text}. ${pick(random, AFTERWORD)}`.trim();
  if (roll < 0.62) return `${text}. ${fill(pick(random, BACKSTORY), random)} ${pick(random, AFTERWORD)}`.trim();
  return text;
}

/** Requests × framings and statements × voices, `perIntent` examples per intent (fewer for the small talk). */
export function generateCorpus(perIntent = 160, seed = 11): TrainingExample[] {
  const random = seededRandom(seed);
  const examples: TrainingExample[] = [];
  const seen = new Set<string>();
  for (const intent of Object.keys(REQUESTS) as Intent[]) {
    const requests = REQUESTS[intent] ?? [];
    const statements = STATEMENTS[intent] ?? [];
    for (let made = 0, tries = 0; made < perIntent && tries < perIntent * 4; tries++) {
      const framed = random() < 0.65 && requests.length > 0;
      const core = framed ? pick(random, FRAMINGS).replace('{r}', pick(random, requests)) : pick(random, statements.length > 0 ? statements : requests);
      const text = voice(`${pick(random, OPENERS)}${fill(core, random)}${pick(random, CLOSERS)}`, random).replace(/\s+/g, ' ').trim();
      if (seen.has(text)) continue;
      seen.add(text);
      examples.push({ text, intent });
      made++;
    }
  }
  return examples;
}
