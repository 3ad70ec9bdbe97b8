// The README's command-line tools, run as a user runs them (`npm run …` in a child process)
// against a Neo4j of their own: db:start / db:status / db:stop, seed, export, import with
// --dry-run, --replace and JSON lines, backup and restore. The whole-store digest judges
// what each one wrote or left alone.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { runCli, type CliResult } from '../helpers/cli.ts';
import { freePort } from '../helpers/free-port.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const dir = mkdtempSync(join(tmpdir(), 'mandate-cli-'));
let env: NodeJS.ProcessEnv;
let db: Database;

/**
 * `npm run -s SCRIPT -- ARGS`; resolves with the exit code and output instead of throwing. The
 * first call of each script goes through npm, the others run the script's command
 * (tests/helpers/cli.ts).
 */
const throughNpm = new Set<string>();
function npm(script: string, args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const viaNpm = !throughNpm.has(script);
  throughNpm.add(script);
  return runCli(script, args, { viaNpm, env: { ...env, ...extraEnv } });
}

const record = (id: string, name: string) => ({
  id: `cli-${id}`,
  label: 'Agency',
  name,
  aliases: [],
  sources: ['001_1c1597dd7120e666.txt#L3-L3'],
  evidence: 'A body invented for the command-line tests.',
  certainty: 'inferred',
  outsideKnowledge: 'outside knowledge: none; the body is invented for the tests',
});

beforeAll(async () => {
  const port = await freePort();
  // The local Neo4j of the db:* commands, on a free port with its own store.
  env = { ...process.env, NEO4J_LOCAL_PORT: String(port), NEO4J_LOCAL_DIR: join(dir, 'neo4j'), NEO4J_URI: '' };
  const started = await npm('db:start');
  expect(started.code, started.stderr).toBe(0);
  expect(started.stdout).toContain(`bolt://127.0.0.1:${port}`);
  env.NEO4J_URI = `bolt://127.0.0.1:${port}`;
  db = new Database({ uri: env.NEO4J_URI });
}, 300_000);

afterAll(async () => {
  await db?.close();
  await npm('db:stop', [], { NEO4J_URI: '' });
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('command-line tools', { timeout: 300_000 }, () => {
  it('db:status reports the running Neo4j with its version', async () => {
    const st = await npm('db:status', [], { NEO4J_URI: '' });
    expect(st.code).toBe(0);
    expect(st.stdout).toMatch(/Neo4j is running/);
    expect(st.stdout).toMatch(/version\s+5\.26\.\d+ community/);
  });

  it('seed loads the seed graph, and a second run changes nothing', async () => {
    const first = await npm('seed');
    expect(first.code, first.stderr).toBe(0);
    const after = await graphDigest(db);
    expect(after.nodes).toBeGreaterThan(100);
    expect((await npm('seed')).code).toBe(0);
    expect((await graphDigest(db)).digest).toBe(after.digest);
  });

  it('export writes the whole graph as JSON, and a neighbourhood as GraphML in either language', async () => {
    const out = join(dir, 'graph.json');
    const res = await npm('export', ['--format', 'json', '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.nodes).toHaveLength((await graphDigest(db, { entities: true })).nodes);
    const graphml = join(dir, 'who.graphml');
    expect((await npm('export', ['--format', 'graphml', '--out', graphml, '--root', 'who', '--depth', '1'])).code).toBe(0);
    expect(readFileSync(graphml, 'utf8')).toMatch(/<node id="who"/);
    // In English by default; --lang sv cites the documents' lines in Swedish, as the API does, in
    // the texts that have no language of their own (each language's own form keeps its language).
    const swedish = join(dir, 'who-sv.graphml');
    expect((await npm('export', ['--format', 'graphml', '--out', swedish, '--root', 'who', '--depth', '1', '--lang', 'sv'])).code).toBe(0);
    const cited = (file: string, words: RegExp) => readFileSync(file, 'utf8').match(words)?.length ?? 0;
    const inSwedish = /\(20\d\d\), rad \d+/g;
    const inEnglish = /\(20\d\d\), l\. \d+/g;
    expect(cited(swedish, inSwedish)).toBeGreaterThan(cited(graphml, inSwedish));
    expect(cited(graphml, inEnglish)).toBeGreaterThan(cited(swedish, inEnglish));
    const norsk = await npm('export', ['--format', 'json', '--out', join(dir, 'x.json'), '--lang', 'no']);
    expect(norsk.code).not.toBe(0);
    expect(norsk.stderr).toMatch(/lang/);
    const bad = await npm('export', ['--format', 'xlsx', '--out', join(dir, 'x.xlsx')]);
    expect(bad.code).not.toBe(0);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('import --dry-run checks and writes nothing; a real import of JSON lines adds; --replace is needed to change', async () => {
    const file = join(dir, 'facts.jsonl');
    writeFileSync(file, [record('a', 'CLI agency A'), record('b', 'CLI agency B')].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const before = await graphDigest(db);
    const entitiesBefore = (await graphDigest(db, { entities: true })).nodes;

    const dry = await npm('import', [file, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr + dry.stdout).toMatch(/Nothing written \(dry run\): nodes \+2/);
    expect((await graphDigest(db)).digest).toBe(before.digest);

    const real = await npm('import', [file]);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stderr + real.stdout).toMatch(/Imported .*nodes \+2/);
    const added = await graphDigest(db);
    // Two entities; the store also holds the import's change set (docs/curation.md).
    expect((await graphDigest(db, { entities: true })).nodes).toBe(entitiesBefore + 2);

    writeFileSync(file, JSON.stringify(record('a', 'CLI agency renamed')) + '\n');
    const conflict = await npm('import', [file]);
    expect(conflict.code).toBe(1);
    expect((await graphDigest(db)).digest).toBe(added.digest);
    const replaced = await npm('import', [file, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr + replaced.stdout).toMatch(/~1/);
    const [row] = (await db.readText("MATCH (n:Entity {id: 'cli-a'}) RETURN n.name AS name", {}, { rowLimit: 1 })).rows;
    expect(row?.name).toBe('CLI agency renamed');

    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, JSON.stringify({ ...record('c', 'C'), label: 'Planet' }) + '\n');
    const beforeBroken = await graphDigest(db);
    const refused = await npm('import', [broken]);
    expect(refused.code).toBe(1);
    expect((await graphDigest(db)).digest).toBe(beforeBroken.digest);
  });

  it('backup and restore --yes give back exactly the backed-up graph; restore without --yes changes nothing', async () => {
    const file = join(dir, 'backup.json');
    const before = await graphDigest(db, { entities: true, history: false });
    const backup = await npm('backup', ['--out', file]);
    expect(backup.code, backup.stderr).toBe(0);
    await db.replayStatement("MATCH (n:Entity {id: 'cli-b'}) DETACH DELETE n");
    await db.replayStatement("CREATE (:Entity:Agency {id: 'cli-extra', label: 'Agency', name: 'Extra'})");
    const changed = await graphDigest(db);

    const unconfirmed = await npm('restore', [file]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    expect((await graphDigest(db)).digest).toBe(changed.digest);

    const restored = await npm('restore', [file, '--yes', '--reason', 'Back to the backup in the CLI test']);
    expect(restored.code, restored.stderr).toBe(0);
    // The graph a reader sees is the backup's; the restore itself is a change set in the log.
    expect((await graphDigest(db, { entities: true, history: false })).digest).toBe(before.digest);
    expect(restored.stdout + restored.stderr).toMatch(/1 added, 0 changed, 1 retired \(change set cs-\d+\)/);
    const [logged] = (
      await db.readText(
        'MATCH (c:ChangeSet) RETURN c.kind AS kind, c.reason AS reason ORDER BY c.version DESC LIMIT 1',
        {},
        { rowLimit: 1 },
      )
    ).rows;
    expect(logged).toEqual({ kind: 'restore', reason: 'Back to the backup in the CLI test' });
  });

  it('db:stop stops it, and db:status then says so with exit code 3', async () => {
    await db.close();
    const stop = await npm('db:stop', [], { NEO4J_URI: '' });
    expect(stop.code).toBe(0);
    expect(stop.stdout).toMatch(/Neo4j stopped/);
    const st = await npm('db:status', [], { NEO4J_URI: '' });
    expect(st.code).toBe(3);
    expect(st.stdout).toMatch(/not running/);
  });
});
