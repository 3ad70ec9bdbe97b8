// docs/model.md quotes counts and examples from the data; these tests keep it from drifting.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../server/model/vocabulary.ts';
import { validateSeed } from '../../seed/validate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const doc = readFileSync(join(ROOT, 'docs/model.md'), 'utf8');
const { nodes, relationships } = validateSeed(join(ROOT, 'seed/data'));
const rows = doc.split('\n').filter((l) => l.startsWith('| '));
const cells = (row: string): string[] =>
  row
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
const countOf = <T>(items: T[], key: (t: T) => string, value: string): number => items.filter((i) => key(i) === value).length;

describe('docs/model.md', () => {
  it('gives every label with its node count', () => {
    for (const label of NODE_LABELS) {
      const counts = rows.map(cells).filter((c) => c[0] === label);
      expect(counts.length, `label ${label} in the tables`).toBeGreaterThan(0);
      for (const c of counts) expect(Number(c.at(-1)), `count for ${label}`).toBe(countOf(nodes, (n) => n.label, label));
    }
  });

  it('gives every relationship type with its count and an example that is in the data', () => {
    for (const type of RELATIONSHIP_TYPES) {
      const row = rows.map(cells).find((c) => c[0] === type);
      expect(row, `type ${type} in the vocabulary table`).toBeDefined();
      expect(Number(row!.at(-1)), `count for ${type}`).toBe(countOf(relationships, (r) => r.type, type));
      const m = /`\(([a-z0-9-]+)\) ([A-Z_]+) \(([a-z0-9-]+)\)`/.exec(row![3] ?? '');
      expect(m?.[2], `example for ${type}`).toBe(type);
      expect(
        relationships.some((r) => r.type === type && r.from === m![1] && r.to === m![3]),
        `example ${m?.[0]} exists`,
      ).toBe(true);
    }
  });

  it('states the totals', () => {
    expect(doc).toContain(`nodes ${nodes.length}, relationships ${relationships.length}`);
  });
});
