// The user's words → a Lucene query for the full-text index. Every Lucene operator is escaped,
// so "C++ (WHO)" searches for those words instead of failing to parse; the last word also
// matches as a prefix so suggestions appear while typing.

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function luceneQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[\s,;.:'’"()/\\-]+/)
    .map((w) => w.replace(LUCENE_SPECIAL, '').trim())
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  const escaped = words.map((w) => w.toLowerCase());
  const last = escaped[escaped.length - 1]!;
  const head = escaped.slice(0, -1);
  // Whole words must all match; the last one may be a prefix. An exact match of the last word
  // ranks above a prefix match ("who" before "whole").
  const lastClause = `(${last}^3 OR ${last}*)`;
  // Lucene treats AND/OR/NOT in capitals as operators; lower case keeps them as words.
  return [...head.map((w) => `+${w}`), `+${lastClause}`].join(' ');
}
