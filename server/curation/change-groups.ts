// What a change did to an element, as a reader groups its fields ("its dates", "its sources"):
// pure, so the web app's edit form speaks of a conflict in the same words as a refused revert
// (server/curation/revert-words.ts; web/src/features/edit/conflict-words.ts).

export const CHANGE_WHATS = ['added', 'retired', 'restored', 'dates', 'certainty', 'sources', 'name', 'basis', 'details'] as const;
export type ChangeWhat = (typeof CHANGE_WHATS)[number];

const GROUPS: Array<[ChangeWhat, RegExp]> = [
  ['dates', /^(validFrom|validTo|attested|timeStatus|planned|asOf|datesNote)$/],
  ['certainty', /^(certainty|hedge|inferredFrom|outsideKnowledge|hedgeNotApplicable)$/],
  ['sources', /^(sources|evidence|citedAgainst|citationNote|review.*)$/],
  ['name', /^(name|nameEn|nameSv|aliases|abbreviation)$/],
  ['basis', /^(basis.*)$/],
];

/** The groups the changed fields fall in, in reading order; 'details' for the rest. */
export function fieldGroups(fields: Iterable<string>): ChangeWhat[] {
  const out = new Set<ChangeWhat>();
  for (const f of fields) out.add(GROUPS.find(([, re]) => re.test(f))?.[0] ?? 'details');
  return out.size ? CHANGE_WHATS.filter((w) => out.has(w)) : ['details'];
}
