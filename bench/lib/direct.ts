// The baseline of the overhead ratio: the same named Cypher statements an API request ran,
// with the same parameters, replayed through neo4j-driver alone (no HTTP, no Express, no
// validation, no element mapping). This is the one module outside server/db that imports the
// driver, because measuring what our stack adds over the bare driver is its whole purpose.
import neo4j, { type Driver } from 'neo4j-driver';
import { loadQueries, type QueryTexts } from '../../server/db/cypher-registry.ts';
import { toNeo4jParams } from '../../server/db/values.ts';
import type { RecordedCall } from './api-server.ts';

export class DirectReplay {
  private readonly driver: Driver;
  private readonly queries: QueryTexts = loadQueries();

  constructor(uri: string) {
    // The same driver settings as server/db/database.ts, so decoding costs the same.
    this.driver = neo4j.driver(uri, undefined, {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 64,
      logging: { level: 'error', logger: () => {} },
    });
  }

  /** Runs the calls as the request did: overlapping calls together, the rest one after another. */
  async replay(calls: readonly RecordedCall[]): Promise<number> {
    let rows = 0;
    for (const group of parallelGroups(calls)) {
      const counts = await Promise.all(group.map((c) => this.run(c)));
      rows += counts.reduce((a, b) => a + b, 0);
    }
    return rows;
  }

  private async run(call: RecordedCall): Promise<number> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(
        async (tx) => {
          const result = tx.run(this.queries[call.name], toNeo4jParams(call.params) as Record<string, unknown>);
          let n = 0;
          if (call.stream) {
            for await (const record of result) {
              record.toObject();
              n++;
            }
          } else {
            for (const record of (await result).records) {
              record.toObject();
              n++;
            }
          }
          return n;
        },
        { timeout: 300_000 },
      );
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

/** Consecutive calls whose times overlapped were issued together (Promise.all). */
export function parallelGroups(calls: readonly RecordedCall[]): RecordedCall[][] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const groups: RecordedCall[][] = [];
  let groupEnd = -Infinity;
  for (const c of sorted) {
    const last = groups[groups.length - 1];
    if (last && c.start < groupEnd) {
      last.push(c);
      groupEnd = Math.max(groupEnd, c.end);
    } else {
      groups.push([c]);
      groupEnd = c.end;
    }
  }
  return groups;
}
