// Citations written inside the data's own texts (evidence, notes, outside knowledge) use the
// curators' shorthand: "(001 L16)", "003 L880", "001 r. 16", "000#L23", "003 shows …". A reader
// knows no document by its number, so every text that reaches people renders the shorthand at
// the edge as the answers cite: "[Socialstyrelsen, Vårt internationella arbete (2021), l. 16]".
// Pure, so the server's answers and the web's details and table share it; the seed keeps its
// shorthand, which stays exact for curators.

export type CiteLang = 'en' | 'sv';

/** "16" → "l. 16", "16–20" → "ll. 16–20"; Swedish "rad 16", "rad 16–20". */
export function linesInWords(lines: string, lang: CiteLang): string {
  if (lang === 'sv') return `rad ${lines}`;
  return lines.includes('–') ? `ll. ${lines}` : `l. ${lines}`;
}

// A document number (three digits, optionally its whole file name), then optionally its lines
// as "#L16-L20", " L16", " L16-20", " r. 16" or " l. 16". Not inside a word, a number or a date.
const TOKEN =
  /(?<![\p{L}\d.,:–-])(\d{3})(?:_[0-9a-f]+\.txt)?(?:#L(\d+)(?:-L(\d+))?|\s(?:L|r\.\s?|l\.\s?)(\d+)(?:[-–](\d+))?)?(?![\p{L}\d])/gu;

/**
 * `text` with each citation shorthand in words, in square brackets as the answers cite. A
 * number `documentName` does not know (no such document registered) stays as it is. A
 * shorthand that is all a parenthesis holds ("(001 L16)") takes the parenthesis' place.
 */
export function readableCitations(text: string, documentName: (prefix: string) => string | null, lang: CiteLang): string {
  const rendered = text.replace(TOKEN, (whole, prefix: string, a1?: string, b1?: string, a2?: string, b2?: string) => {
    const name = documentName(prefix);
    if (!name) return whole;
    const from = a1 ?? a2;
    const to = b1 ?? b2;
    const lines = from ? (to && to !== from ? `${from}–${to}` : from) : null;
    return `[${lines ? `${name}, ${linesInWords(lines, lang)}` : name}]`;
  });
  return rendered.replace(/\((\[[^\]]*\])\)/g, '$1');
}
