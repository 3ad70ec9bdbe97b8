// Name comparison shared by the validator (alias clashes) and the audit (does a cited line
// mention the entity). Search folds case and diacritics, so the checks must fold the same way:
// two aliases that differ only by "ä"/"a" would be the same search term.

/** Lower case, diacritics removed, runs of whitespace collapsed. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Words of a folded text. The Swedish genitive after an abbreviation ("WHO:s", "FN:s") is
 * dropped so "WHO:s globala styrelse" and "WHO … styrelse" compare word by word.
 */
export function words(s: string): string[] {
  return foldName(s)
    .replace(/:s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
