// The mandate chain's Cypher names the authority types in its pattern (types cannot be
// parameters); the browser lays chains out from AUTHORITY_FLOW. They must say the same.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORITY_FLOW } from '../../server/model/authority-flow.ts';

const text = readFileSync(resolve(import.meta.dirname, '../../cypher/mandates/authority-step.cypher'), 'utf8');

describe('authority flow', () => {
  it('the chain query follows exactly the types in AUTHORITY_FLOW', () => {
    const pattern = /\[r:([A-Z_|]+)\]/.exec(text)?.[1]?.split('|') ?? [];
    expect(pattern.sort()).toEqual(Object.keys(AUTHORITY_FLOW).sort());
  });

  it('the chain query treats the "down" types as the ones whose start holds authority', () => {
    const down = /type\(r\) IN \[([^\]]+)\] THEN startNode\(r\)/.exec(text)?.[1]?.match(/[A-Z_]+/g) ?? [];
    const expected = Object.entries(AUTHORITY_FLOW)
      .filter(([, flow]) => flow === 'down')
      .map(([type]) => type);
    expect(down.sort()).toEqual(expected.sort());
  });
});
