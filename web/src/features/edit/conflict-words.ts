// What an edit's 409 says to the person (issue 21): the server answers a stale edit with the
// element as it is now and its new version, in ids. The element's history says who made the
// later changes and what they touched, so the form says "You changed its dates again in
// version 13" to the person who did, and names the other person otherwise — the words of a
// refused revert (history/revert-conflict.ts), in the reader's language.
import type { HistoryEntry } from '../../api/curation-types.ts';
import type { RevertConflictDetail } from '../../../../server/curation/revert-words.ts';
import { fieldChanges } from '../history/entries.ts';
import { laterSentence } from '../history/revert-conflict.ts';

type Later = RevertConflictDetail['later'][number];
type What = Later['what'][number];

/** Fields as a reader groups them (the grouping server/curation/revert-words.ts speaks in). */
const GROUPS: Array<[What, RegExp]> = [
  ['dates', /^(validFrom|validTo|attested|timeStatus|planned|asOf|datesNote)$/],
  ['certainty', /^(certainty|hedge|inferredFrom|outsideKnowledge|hedgeNotApplicable)$/],
  ['sources', /^(sources|evidence|citedAgainst|citationNote|review.*)$/],
  ['name', /^(name|nameEn|nameSv|aliases|abbreviation)$/],
  ['basis', /^(basis.*)$/],
];

function whatOf(e: HistoryEntry): What[] {
  if (!e.before && e.after) return [e.action.startsWith('restore') ? 'restored' : 'added'];
  if (e.before && !e.after) return ['retired'];
  const out = new Set<What>();
  for (const c of fieldChanges(e.before, e.after)) out.add(GROUPS.find(([, re]) => re.test(c.field))?.[0] ?? 'details');
  return out.size ? [...out] : ['details'];
}

/** The changes made after the version the form was read at, as sentences for `me`. */
export function laterSentences(entries: HistoryEntry[], readAt: number, me: string | null): string[] {
  return entries
    .filter((e) => e.changeSet.version > readAt)
    .sort((a, b) => a.changeSet.version - b.changeSet.version)
    .map((e) =>
      laterSentence({
        id: e.changeSet.id,
        version: e.changeSet.version,
        author: e.changeSet.author,
        at: e.changeSet.at,
        kind: e.changeSet.kind,
        what: whatOf(e),
        you: me !== null && e.changeSet.author === me,
      }),
    );
}
