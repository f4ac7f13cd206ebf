// The new part of an emailed reply: what the customer wrote above the quoted history and their signature.

// Lines that start the quoted history in the common clients (Gmail, Apple Mail, Outlook, Thunderbird), in
// English and the languages the concierge answers in.
const QUOTE_HEADERS: RegExp[] = [
  /^\s*(on|le|am|el|il|em)\s.{0,200}(wrote|a écrit|schrieb|escribió|ha scritto|escreveu)\s*:\s*$/i,
  /^\s*-{2,}\s*(original message|forwarded message|message d'origine|ursprüngliche nachricht|mensaje original)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook's rule above "From: …"
  /^\s*(from|de|von|da)\s*:\s.+@.+$/i, // Outlook: a header block without a rule
];

// A signature: the standard "-- " delimiter, and what phones add on their own.
const SIGNATURES: RegExp[] = [
  /^-- ?$/,
  /^\s*sent from my (iphone|ipad|android|samsung|galaxy|mobile|phone|blackberry)\b.*$/i,
  /^\s*sent from (outlook|yahoo mail|mail) for (ios|android|windows)\b.*$/i,
  /^\s*(get|download) outlook for (ios|android)\b.*$/i,
  /^\s*sent from (my )?(mobile|phone|proton mail|gmail|samsung)\b.*$/i,
  /^\s*(envoyé de mon|enviado desde mi|von meinem .* gesendet|inviato da)\b.*$/i,
];

/**
 * The reply without its quoted history ("On … wrote:" and what follows, "> " lines) and signature ("-- " and
 * below, "Sent from my iPhone"). An "On … wrote:" split over two lines is found too. When nothing would be left
 * (the customer wrote inside the quote), the text as sent is kept rather than an empty reply.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const withNext = `${line} ${lines[i + 1] ?? ''}`;
    if (QUOTE_HEADERS.some((re) => re.test(line)) || (/^\s*(on|le|am|el|il|em)\s/i.test(line) && QUOTE_HEADERS[0]!.test(withNext))) break;
    if (SIGNATURES.some((re) => re.test(line))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  const reply = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return reply || text.trim();
}
