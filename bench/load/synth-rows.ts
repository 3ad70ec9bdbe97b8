// The synthetic graph's files as the seed/import path's rows, for benches that load through
// writeRows (the path that records history) rather than the bulk loader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { toNodeRow, toRelationshipRow } from '../../seed/rows.ts';
import { NodeRecord, RelationshipRecord } from '../../seed/schema.ts';

const read = <T>(dir: string, file: string, schema: z.ZodType<T>): T[] =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => schema.parse(JSON.parse(l)));

export function synthRows(dir: string) {
  return {
    nodeRows: read(dir, 'nodes.jsonl', NodeRecord).map((n) => toNodeRow(n)),
    relRows: read(dir, 'relationships.jsonl', RelationshipRecord).map((r) => toRelationshipRow(r)),
  };
}
