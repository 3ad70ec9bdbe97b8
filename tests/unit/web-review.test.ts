// Issue 21 in the web app, the pure parts: a planned fact's dates read as planned, never as
// held; an edit's conflict names who changed the element after the form read it ("You …
// again" to the same person, the other person by name); the review queue's defaults.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../web/src/api/curation-types.ts';
import { formatSpan } from '../../web/src/graph/dates.ts';
import { laterSentences } from '../../web/src/features/edit/conflict-words.ts';
import { confirmCitation, itemStatus, nearestLines, uploadSummary } from '../../web/src/features/review/model.ts';

const entry = (
  version: number,
  author: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): HistoryEntry => ({
  changeSet: {
    id: `cs-${version}`,
    version,
    author,
    at: '2026-12-03T10:00:00Z',
    kind: 'edit',
    reason: 'A reason for the test',
    opCount: 1,
  } as HistoryEntry['changeSet'],
  elementKind: 'tie',
  action: before && after ? 'updateTie' : after ? 'addTie' : 'retireTie',
  before: before && { id: 't', from: 'a', to: 'b', type: 'MEMBER_OF', properties: before },
  after: after && { id: 't', from: 'a', to: 'b', type: 'MEMBER_OF', properties: after },
});

describe('planned facts', () => {
  it('show their dates as planned wherever a span is written', () => {
    expect(formatSpan('2027', undefined, true)).toBe('planned from 2027');
    expect(formatSpan('2027', '2029', true)).toBe('planned 2027–2029');
    expect(formatSpan('2027', undefined, false)).toBe('since 2027');
    expect(formatSpan('2027', undefined)).toBe('since 2027');
  });
});

describe('an edit refused because the element changed since the form read it', () => {
  const history = [
    entry(10, 'ana', null, { validFrom: '2015' }),
    entry(12, 'ana', { validFrom: '2015' }, { validFrom: '2016' }),
    entry(13, 'bo', { validFrom: '2016', evidence: 'x' }, { validFrom: '2016', evidence: 'y', certainty: 'hedged' }),
  ];

  it('says "you … again" to the person who made the later change, without ids', () => {
    const said = laterSentences(history.slice(0, 2), 10, 'ana');
    expect(said).toEqual(['You changed its dates again in version 12.']);
  });

  it('names the other person, with the version and the day', () => {
    const said = laterSentences(history, 12, 'ana');
    expect(said).toEqual(['bo changed its certainty and sources in version 13 on 3 Dec.']);
  });

  it('says nothing of the changes the form already saw', () => {
    expect(laterSentences(history, 13, 'ana')).toEqual([]);
  });
});

describe('the review queue', () => {
  const line = (n: number) => ({ n, text: `line ${n}` });

  it('offers the new lines standing where the cited ones stood, and nothing when the passage is gone', () => {
    expect(nearestLines({ newLines: [line(21), line(22), line(23)] })).toBe('21-23');
    expect(nearestLines({ newLines: [line(7)] })).toBe('7');
    expect(nearestLines({ newLines: [] })).toBe('');
  });

  it('sends the lines typed as a citation, and refuses what is not a line or a range', () => {
    expect(confirmCitation('21-23')).toEqual({ start: 21, end: 23 });
    expect(confirmCitation('L7')).toEqual({ start: 7, end: 7 });
    expect(confirmCitation('23-21')).toBeNull();
    expect(confirmCitation('soon')).toBeNull();
  });

  it('says whether the cited lines changed or went, and since which version of the document', () => {
    expect(itemStatus({ status: 'changed', since: 3 })).toBe('The cited lines changed. Since version 3 of the document.');
    expect(itemStatus({ status: 'gone', since: 2 })).toBe('The cited lines are no longer in the text. Since version 2 of the document.');
  });

  it('says what a new text did, the review it needs first', () => {
    const r = {
      changeSet: { id: 'cs-9', version: 9 },
      source: { file: 'f.txt', version: 2 },
      moved: 3,
      flagged: 2,
      unchanged: 1,
      differentDocument: false,
    };
    expect(uploadSummary(r)).toEqual([
      '2 facts need review.',
      'The citations of 3 facts moved with the text.',
      '1 fact cites lines that stayed where they were.',
      'The new text is version 2 of the document.',
    ]);
    expect(uploadSummary({ ...r, differentDocument: true, moved: 0, flagged: 4, unchanged: 0 })[0]).toMatch(
      /different document: no citation was moved/,
    );
  });
});
