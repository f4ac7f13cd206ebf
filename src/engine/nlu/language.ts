// Recognises a message written in Spanish, French, German, Italian or Portuguese from its common words.
import type { Language } from '../types';

// Frequent words and shop words of each language; words that are also English ("a", "in", "me") are left out.
const WORDS: Record<Language, string> = {
  es: 'hola buenos buenas dias tardes busco buscando quiero quisiera necesito tienen tiene puedo puede el los las del que por para con es mi mis su una un y muy pero donde esta estan cuanto cuesta cuando como gracias pedido pedidos anillo anillos collar pulsera pendientes aretes oro blanco blanca plata rosa talla envio devolver devolucion cambiar hay mas tambien ayuda favor',
  fr: 'bonjour bonsoir salut je cherche voudrais veux besoin vous avez une le les des du et est mon ma mes au aux pour avec pas ne sur dans ou combien quand comment merci commande commandes bague bagues collier boucles oreilles blanc argent taille livraison retour retourner echanger aide plait cest suis',
  de: 'hallo guten morgen abend ich suche mochte brauche haben sie einen eine ein der die das den dem und ist mein meine meinen fur mit nicht auf wo wie viel kostet wann danke bestellung bestellungen halskette kette armband ohrringe weissgold gelbgold rotgold silber grosse lieferung versand ruckgabe zuruckgeben umtauschen hilfe bitte gibt es',
  it: 'ciao buongiorno buonasera salve cerco vorrei voglio ho bisogno avete il lo gli della del che per con non mio mia miei una un e sono quanto costa quando grazie ordine ordini anello anelli collana bracciale orecchini oro bianco argento rosa taglia spedizione reso restituire cambiare aiuto piacere',
  pt: 'ola oi bom dia tarde procuro procurando quero queria gostaria preciso voces tem os da dos das que por para com nao meu minha uma um e muito onde esta quanto custa quando como obrigado obrigada pedido encomenda anel aneis colar pulseira brincos ouro branco prata rosa tamanho envio entrega devolver devolucao trocar ajuda favor',
};

// Words that say a message is English after all ("I want a bague" stays English).
const ENGLISH = new Set(
  'i you the is are my your a an and to for it this that of can could do does what where when how want need looking with have has me we please hi hello hey thanks order ring necklace gold silver white rose show find any some'.split(' '),
);

const WORD_SETS = Object.fromEntries(Object.entries(WORDS).map(([language, words]) => [language, new Set(words.split(' '))])) as Record<Language, Set<string>>;

// Letters that only some of these languages write.
const LETTER_HINTS: [Language, RegExp][] = [
  ['es', /[ñ¿¡]/],
  ['de', /[ßäöü]/],
  ['pt', /[ãõ]/],
  ['fr', /[œ]|\b(?:qu|j|c|l|d)'/],
];

/** Enough evidence, and more than for English: a single foreign word in an English sentence is not enough. */
const MIN_FOREIGN_WORDS = 2;

// A greeting that is the whole message ("Hola!", "Bonjour", "Hallo :)") is that language; inside an English
// sentence ("hallo there, i want a ring", "ciao for now") it is not.
const GREETINGS: Record<string, Language> = Object.fromEntries(
  (
    [
      ['es', 'hola|buenos dias|buenas|buenas tardes|buenas noches|hola buenas|hola buenos dias'],
      ['fr', 'bonjour|bonsoir|salut|coucou|bonjour madame|bonjour monsieur'],
      ['de', 'hallo|guten tag|guten morgen|guten abend|servus|moin|hallo zusammen'],
      ['it', 'ciao|buongiorno|buonasera|salve|ciao a tutti'],
      ['pt', 'ola|bom dia|boa tarde|boa noite|ola bom dia|ola boa tarde'],
    ] as const
  ).flatMap(([language, phrases]) => phrases.split('|').map((phrase) => [phrase, language])),
);

const wordsOf = (lower: string) =>
  lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[a-z]+/g);

/** The language of a message that is only a greeting ("Hola!", "Guten Tag"), else undefined. */
export function foreignGreeting(raw: string): Language | undefined {
  const words = wordsOf(raw.toLowerCase().slice(0, 60));
  return words ? GREETINGS[words.join(' ')] : undefined;
}

export function detectLanguage(raw: string): Language | undefined {
  const lower = raw.toLowerCase().slice(0, 300);
  const words = wordsOf(lower);
  if (!words) return undefined;
  const greeting = GREETINGS[words.join(' ')];
  if (greeting) return greeting;
  const english = words.filter((word) => ENGLISH.has(word)).length;
  let best: Language | undefined;
  let bestScore = 0;
  for (const language of Object.keys(WORD_SETS) as Language[]) {
    const hint = LETTER_HINTS.some(([hinted, pattern]) => hinted === language && pattern.test(lower)) ? 1 : 0;
    const score = words.filter((word) => WORD_SETS[language].has(word)).length + hint;
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  return best && bestScore >= MIN_FOREIGN_WORDS && bestScore > english ? best : undefined;
}
