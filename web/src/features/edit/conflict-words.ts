// What an edit's 409 says to the person (issue 21): the server answers a stale edit with the
// element as it is now and its new version, in ids. The element's history says who made the
// later changes and what they touched, so the form says "You changed its dates again in
// version 13" to the person who did, and names the other person otherwise — the words of a
// refused revert (history/revert-conflict.ts), grouped as the server groups them
// (server/curation/change-groups.ts), in the reader's language.
import type { HistoryEntry } from '../../api/curation-types.ts';
import type { RevertConflictDetail } from '../../../../server/curation/revert-words.ts';
import { fieldGroups } from '../../../../server/curation/change-groups.ts';
import { fieldChanges } from '../history/entries.ts';
import { laterSentence } from '../history/revert-conflict.ts';

type Later = RevertConflictDetail['later'][number];
type What = Later['what'][number];

function whatOf(e: HistoryEntry): What[] {
  if (!e.before && e.after) return [e.action.startsWith('restore') ? 'restored' : 'added'];
  if (e.before && !e.after) return ['retired'];
  return fieldGroups(fieldChanges(e.before, e.after).map((c) => c.field));
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
