// The honest answer to a message in another language: in that language, what the concierge does (in English) and how to reach the team.
import type { Language, ReplyBlock } from '../types';
import { LINKS, links, quickReplies, text } from './common';

interface Words {
  hello: string;
  text: string;
  stylist: string;
  contact: string;
}

// Quick replies keep English texts: they are what the concierge understands when tapped.
const WORDS: Record<Language, Words> = {
  es: {
    hello: '¡Hola!',
    text: 'Gracias por escribirnos. Por ahora solo puedo conversar en inglés: en inglés puedo ayudarte a encontrar joyas listas para enviar, seguir un pedido, iniciar una devolución o un cambio de talla, o ponerte en contacto con un estilista. Para hablar con nuestro equipo, usa la página de contacto o pide aquí un estilista.',
    stylist: 'Hablar con un estilista',
    contact: 'Contactar con nuestro equipo',
  },
  fr: {
    hello: 'Bonjour !',
    text: "Merci pour votre message. Pour l'instant, je ne peux répondre qu'en anglais : en anglais, je peux vous aider à trouver un bijou prêt à être expédié, suivre une commande, faire un retour ou une mise à taille, ou vous mettre en relation avec un styliste. Pour joindre notre équipe, passez par la page de contact ou demandez ici un styliste.",
    stylist: 'Parler à un styliste',
    contact: 'Contacter notre équipe',
  },
  de: {
    hello: 'Hallo!',
    text: 'Danke für Ihre Nachricht. Im Moment kann ich nur auf Englisch antworten: Auf Englisch helfe ich Ihnen, sofort lieferbaren Schmuck zu finden, eine Bestellung zu verfolgen, eine Rücksendung oder Größenänderung zu starten oder Sie mit einem Stylisten zu verbinden. Unser Team erreichen Sie über die Kontaktseite, oder fragen Sie hier nach einem Stylisten.',
    stylist: 'Mit einem Stylisten sprechen',
    contact: 'Unser Team kontaktieren',
  },
  it: {
    hello: 'Ciao!',
    text: 'Grazie per il messaggio. Per ora posso rispondere solo in inglese: in inglese posso aiutarti a trovare gioielli pronti per la spedizione, seguire un ordine, avviare un reso o una modifica della misura, o metterti in contatto con uno stylist. Per parlare con il nostro team, usa la pagina dei contatti o chiedi qui uno stylist.',
    stylist: 'Parla con uno stylist',
    contact: 'Contatta il nostro team',
  },
  pt: {
    hello: 'Olá!',
    text: 'Obrigado pela sua mensagem. Por enquanto só consigo responder em inglês: em inglês, posso ajudar você a encontrar joias prontas para envio, acompanhar um pedido, iniciar uma devolução ou um ajuste de tamanho, ou falar com um estilista. Para falar com a nossa equipe, use a página de contato ou peça aqui um estilista.',
    stylist: 'Falar com um estilista',
    contact: 'Falar com a nossa equipe',
  },
};

/** `greeted`: the message was a hello ("Hola", "Bonjour"), so the answer starts with one. */
export function otherLanguage(language: Language, greeted = false): ReplyBlock[] {
  const words = WORDS[language];
  return [text(greeted ? `${words.hello} ${words.text}` : words.text), links({ ...LINKS.contact, label: words.contact }), quickReplies({ label: words.stylist, text: 'Talk to a stylist' })];
}
