// Every .cypher file is named in the registry and plans on the real Neo4j (EXPLAIN), so a
// typo in a query fails here rather than in a user's request.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CYPHER_DIR, loadQueries, QUERY_NAMES } from '../../server/db/cypher-registry.ts';
import { testDatabase } from '../helpers/api.ts';

function cypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cypherFiles(join(dir, e.name)) : e.name.endsWith('.cypher') ? [join(dir, e.name)] : [],
  );
}

const db = testDatabase();
afterAll(() => db.close());

describe('cypher/', () => {
  it('names every query file in the registry, and every registry name has a file', () => {
    const files = cypherFiles(CYPHER_DIR)
      .map((f) => relative(CYPHER_DIR, f).replace(/\.cypher$/, ''))
      .filter((f) => f !== 'schema')
      .sort();
    expect(files).toEqual([...QUERY_NAMES].sort());
  });

  const queries = loadQueries();
  it.each(QUERY_NAMES.map((n) => [n]))('%s plans on Neo4j', async (name) => {
    const queryType = await db.explainText(queries[name], {}).catch((err: Error & { details?: unknown }) => {
      throw new Error(`${name} failed to plan: ${err.message} ${JSON.stringify(err.details)}\n${queries[name]}`);
    });
    // Only loading and restoring write; dbms.components() is a DBMS procedure, which Neo4j
    // reports as 's' although it only reads.
    // Writers say so in their verb: merge-, create-, delete-, save- (seed, admin, bulk).
    // Schema writers say drop- and Neo4j reports them as 's'.
    const writes = /\/(merge|create|delete|save)-/.test(name);
    if (writes) expect(['w', 'rw']).toContain(queryType);
    else if (/\/drop-/.test(name)) expect(queryType).toBe('s');
    else expect(queryType).toBe(name === 'health/components' ? 's' : 'r');
  });
});
