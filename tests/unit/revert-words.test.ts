// What a refused revert says (issue 21): which fields a later change touched, grouped as a
// reader would name them, and the sentence for the same person and for someone else.
import { describe, expect, it } from 'vitest';
import { canonicalState, laterSentence, whatChanged } from '../../server/curation/revert-words.ts';
import type { OpRecord } from '../../server/curation/log.ts';

const tie = (properties: Record<string, unknown>) => ({ type: 'COOPERATES_WITH', id: 't', from: 'a', to: 'b', properties });
const op = (before: unknown, after: unknown, action = 'updateTie'): OpRecord => ({
  seq: 0,
  version: 13,
  elementId: 't',
  elementKind: 'tie',
  action,
  before: before as Record<string, unknown> | null,
  after: after as Record<string, unknown> | null,
});

describe('whatChanged', () => {
  it('groups fields as a reader names them, leaving the merge key out', () => {
    expect(whatChanged(op(tie({ validFrom: '2015', key: 'x' }), tie({ validFrom: '2016', key: 'y' })))).toEqual(['dates']);
    expect(whatChanged(op(tie({ certainty: 'stated' }), tie({ certainty: 'hedged', hedge: 'kan (can)', sources: ['f#L1'] })))).toEqual([
      'certainty',
      'sources',
    ]);
    expect(whatChanged(op(tie({ task: 'a' }), tie({ task: 'b' })))).toEqual(['details']);
  });
  it('says added, retired and brought back for whole elements', () => {
    expect(whatChanged(op(null, tie({}), 'addTie'))).toEqual(['added']);
    expect(whatChanged(op(tie({}), null, 'retireTie'))).toEqual(['retired']);
    expect(whatChanged(op(null, tie({}), 'restoreTie'))).toEqual(['restored']);
  });
});

describe('laterSentence', () => {
  const later = {
    id: 'cs-13',
    version: 13,
    author: 'ana',
    at: `${new Date().getUTCFullYear()}-12-03T10:00:00Z`,
    kind: 'edit' as const,
    what: ['dates' as const],
  };
  it('speaks to the person who made it, and names anyone else with the day', () => {
    expect(laterSentence(later, 'ana')).toBe('You changed its dates again in version 13.');
    expect(laterSentence(later, 'bo')).toBe('ana changed its dates in version 13 on 3 Dec.');
    expect(laterSentence({ ...later, what: ['details'] }, 'ana')).toBe('You changed this again in version 13.');
    expect(laterSentence({ ...later, kind: 'revert' }, 'ana')).toBe('You undid a change to it again in version 13.');
  });
});

describe('canonicalState', () => {
  it('compares states whatever the key order, without rev and derived dates', () => {
    expect(canonicalState(tie({ a: 1, b: 2, rev: 4 }))).toBe(canonicalState(tie({ b: 2, a: 1, validFromDate: 'x', rev: 9 })));
    expect(canonicalState(tie({ a: 1 }))).not.toBe(canonicalState(tie({ a: 2 })));
    expect(canonicalState(null)).toBe('null');
  });
});
