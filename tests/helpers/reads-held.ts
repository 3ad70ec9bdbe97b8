// Test doubles for reads in flight (version-read-in-flight and reads-in-flight int tests): a
// Database that counts each query's runs (alone or in a request's read transaction) and can hold
// one run after Neo4j answered it, an answer cache that counts the requests asking for the
// current version, a count to wait on, and the second API server through which their edits land.
import request from 'supertest';
import { afterAll, beforeAll, expect } from 'vitest';
import { AnswerCache, type DataVersion } from '../../server/api/answer-cache.ts';
import { Database, type NamedTransaction, type Params, type QueryOptions, type Reader, type Row } from '../../server/db/database.ts';
import type { QueryName } from '../../server/db/cypher-registry.ts';
import { addInventedAgency, testApp, undoTestWrites } from './api.ts';

/** A number that only grows, and promises that resolve once it has reached a value. */
export class Tally {
  value = 0;
  private waiters: Array<{ n: number; resolve: () => void }> = [];

  bump(): void {
    this.value++;
    for (const w of this.waiters.filter((x) => x.n <= this.value)) w.resolve();
  }

  /** Resolves once the count is at least `n`. */
  reached(n: number): Promise<void> {
    return n <= this.value ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

/** A Database that counts the runs of each query, and can hold the next run of one after Neo4j answered it. */
export class HeldReads extends Database {
  readonly runs = new Map<string, number>();
  private hold: { name: QueryName; reached: () => void; release: Promise<void> } | null = null;

  /** Holds the next run of `name`; `reached` resolves when its rows are in, `release` lets it go. */
  holdNext(name: QueryName): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    this.hold = { name, reached, release: new Promise<void>((r) => (release = r)) };
    return { reached: reachedP, release };
  }

  runsOf(name: QueryName): number {
    return this.runs.get(name) ?? 0;
  }

  override async read(name: QueryName, params: Params = {}, options: QueryOptions = {}): Promise<Row[]> {
    this.runs.set(name, this.runsOf(name) + 1);
    return this.held(name, await super.read(name, params, options));
  }

  /** A request's reads of the graph now share one transaction (server/curation/recorded.ts): each counts and may be held too. */
  override readTransaction<T>(work: (tx: NamedTransaction & Reader) => Promise<T>, options: QueryOptions = {}): Promise<T> {
    return super.readTransaction((tx) => {
      const run = async (name: QueryName, params: Params = {}) => {
        this.runs.set(name, this.runsOf(name) + 1);
        return this.held(name, await tx.run(name, params));
      };
      return work({ run, read: run });
    }, options);
  }

  private async held(name: QueryName, rows: Row[]): Promise<Row[]> {
    const hold = this.hold?.name === name ? this.hold : null;
    if (hold) {
      this.hold = null;
      hold.reached();
      await hold.release;
    }
    return rows;
  }
}

/** An answer cache that counts the requests that asked it for the current version. */
export class CountingCache extends AnswerCache {
  readonly asked = new Tally();

  override current(db: Database): Promise<DataVersion> {
    this.asked.bump();
    return super.current(db);
  }
}

/**
 * A second API server on the same Neo4j, through which a file's edits land, and one invented
 * agency (`<prefix>agency`) added through it before the file's tests; afterwards its writes
 * are undone and both servers' connections (`closeAlso`: the file's own Database) closed.
 */
export function editsThroughASecondServer(o: {
  token: string;
  prefix: string;
  name: string;
  /** What the file tests, for the change sets' reason and the node's note. */
  purpose: string;
  closeAlso: () => Promise<void>;
}) {
  const two = testApp({ WRITE_TOKEN: o.token });
  const node = `${o.prefix}agency`;
  const source = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };
  let since = 0;
  const edit = (ops: unknown[]) =>
    request(two.app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${o.token}`)
      .send({ reason: `Changed while testing ${o.purpose}`, sources: [source], ops });
  beforeAll(async () => {
    since = (await request(two.app).get('/api/versions/current')).body.version;
    const added = await edit([addInventedAgency(node, o.name, `tests of ${o.purpose}`)]);
    expect(added.status, added.text).toBe(201);
  });
  afterAll(async () => {
    await undoTestWrites(two.db, o.prefix, since);
    await Promise.all([o.closeAlso(), two.db.close()]);
  });
  return { node, edit };
}
