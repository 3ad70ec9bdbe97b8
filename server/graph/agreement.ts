// A sentence's finite verb agrees with its subject and keeps the source's tense. English names
// carry their grammatical number in their head noun ("Government Offices of Sweden" answer,
// "Swedish regions (collectively)" take part), except proper names that are plural in form only
// ("United Nations"). A hedge that speaks of what has been the case ("traditionellt",
// "traditionally", 001 L54) puts the verb in the perfect: the source says the Director-General
// has been the CMO, not that it is.

export type AgreementLang = 'en' | 'sv';

/** Proper names plural in form, said with a singular verb. */
const SINGULAR_PROPER = /^(the\s+)?United Nations$/i;
/** Where a name's head noun ends: "Departments | of the Finnish Ministry …". */
const AFTER_HEAD = /\s(?:of|for|on|in|with|beyond|at|to)\s|\s*[(,–]/;

/** Whether an English name reads as plural: its head noun is ("Government Offices of Sweden", "Baltic states"). */
export function isPluralName(name: string, label?: string): boolean {
  if (label === 'Person' || label === 'Document') return false;
  if (SINGULAR_PROPER.test(name.trim())) return false;
  const head = name.split(AFTER_HEAD)[0]!.trim().split(/\s+/).pop() ?? '';
  // An acronym ("WHO", "MSB") is one body; "-ss", "-us", "-is" are singular nouns (class, status, basis).
  if (/^[\p{Lu}\d&:]+$/u.test(head)) return false;
  return /[^sui]s$/i.test(head);
}

/** Irregular English verbs: plural present and past participle. */
const EN_IRREGULAR: Record<string, { plural: string; participle: string }> = {
  is: { plural: 'are', participle: 'been' },
  has: { plural: 'have', participle: 'had' },
  takes: { plural: 'take', participle: 'taken' },
  gives: { plural: 'give', participle: 'given' },
  leads: { plural: 'lead', participle: 'led' },
};
/** Verbs already in the past ("set up", "wrote"): the same for every subject, no perfect. */
const EN_PAST = new Set(['set', 'wrote']);
/** Phrases whose noun follows the subject's number. */
const EN_PLURAL_PHRASES: Array<[RegExp, string]> = [
  [/^is a member of\b/, 'are members of'],
  [/^is a party to\b/, 'are parties to'],
];

/** Swedish perfect of the verbs answers use ("är" → "har varit"); Swedish verbs take no number. */
const SV_PERFECT: Record<string, string> = {
  är: 'har varit',
  lyder: 'har lytt',
  deltar: 'har deltagit',
  företräder: 'har företrätt',
  ger: 'har gett',
  utser: 'har utsett',
  leder: 'har lett',
  samarbetar: 'har samarbetat',
  skickar: 'har skickat',
  finansierar: 'har finansierat',
  stöder: 'har stött',
  har: 'har haft',
  bygger: 'har byggt',
  samordnar: 'har samordnat',
  arbetar: 'har arbetat',
  omfattar: 'har omfattat',
};

/** A hedge that speaks of what has been the case, whose fact the source says in the perfect. */
export function isPerfectHedge(hedge: string | null | undefined): boolean {
  return !!hedge && /^(traditionally|traditionellt|by tradition|hitherto|hittills|historically|historiskt)\b/i.test(hedge.trim());
}

/**
 * The predicate (its finite verb first) in agreement with its subject and in the tense asked:
 * "answers to …" → "answer to …" after a plural name; "is …" → "has been …" in the perfect.
 */
export function agree(predicate: string, lang: AgreementLang, options: { plural?: boolean; perfect?: boolean }): string {
  const [finite = '', ...rest] = predicate.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  if (lang === 'sv') {
    const perfect = options.perfect ? SV_PERFECT[finite] : undefined;
    return perfect ? `${perfect}${tail}` : predicate;
  }
  if (EN_PAST.has(finite)) return predicate;
  const irregular = EN_IRREGULAR[finite];
  const base = irregular?.plural ?? (finite.endsWith('s') ? finite.slice(0, -1) : finite);
  if (options.perfect) {
    const participle = irregular?.participle ?? (base.endsWith('e') ? `${base}d` : `${base}ed`);
    return `${options.plural ? 'have' : 'has'} ${participle}${tail}`;
  }
  if (!options.plural) return predicate;
  for (const [phrase, plural] of EN_PLURAL_PHRASES) if (phrase.test(predicate)) return predicate.replace(phrase, plural);
  return `${base}${tail}`;
}
