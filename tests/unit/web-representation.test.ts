// A representation answer may hold rows with no principal: an expert authority that takes part
// in a forum in its own name. Asking "who represents … in WHO" with the forum alone returns them.
import { describe, expect, it } from 'vitest';
import type { EdgeData, NodeData, Representation, RepresentationResult } from '../../web/src/api/types.ts';
import { repAnswer } from '../../web/src/features/representation/answer.ts';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';

const node = (id: string, name: string): NodeData => ({ id, name, label: 'Agency' }) as NodeData;
const edge = (id: string, source: string, target: string, type: string): EdgeData => ({ id, source, target, type }) as EdgeData;

const socialstyrelsen = node('socialstyrelsen', 'Socialstyrelsen');
const who = node('who', 'WHO');
const sweden = node('sweden', 'Sweden');
const row = (principal: NodeData | null, rel: EdgeData): Representation =>
  ({ agent: socialstyrelsen, principal, forum: who, capacity: null, validFrom: null, validTo: null, relationship: rel }) as Representation;

describe('a representation answer', () => {
  const ownName = row(null, edge('p1', 'socialstyrelsen', 'who', 'PARTICIPATES_IN'));
  const onBehalf = row(sweden, edge('r1', 'socialstyrelsen', 'who', 'REPRESENTS'));
  const result = (reps: Representation[]): RepresentationResult =>
    ({ representations: reps, elements: { nodes: [], edges: [] } }) as unknown as RepresentationResult;

  it('marks the agent and the forum of a row taken part in its own name, and no principal', () => {
    const answer = repAnswer('k', result([ownName]), () => {});
    if (answer.highlight.kind !== 'focus') throw new Error('a focus answer');
    expect([...answer.highlight.nodes].sort()).toEqual(['socialstyrelsen', 'who']);
    expect(answer.pairs).toEqual([['socialstyrelsen', 'who']]);
  });

  it('puts the principal above its agent when there is one', () => {
    const answer = repAnswer('k', result([onBehalf, ownName]), () => {});
    expect(answer.pairs).toContainEqual(['sweden', 'socialstyrelsen']);
  });

  it('says "in its own name" in words, in both languages, rather than naming a principal', () => {
    expect(en.tools.repSentence('Socialstyrelsen', null, 'WHO', null, '')).toBe('Socialstyrelsen takes part in its own name in WHO.');
    expect(sv.tools.repSentence('Socialstyrelsen', null, 'WHO', null, '')).toBe('Socialstyrelsen deltar i eget namn i WHO.');
    expect(en.tools.repSentence('Socialstyrelsen', 'Sweden', 'WHO', null, '')).toBe('Socialstyrelsen represents Sweden in WHO.');
  });
});
