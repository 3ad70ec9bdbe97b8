import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_LABELS, RELATIONSHIP_RULES } from '../../server/model/vocabulary.ts';
import type { NodeRecord, RelationshipRecord } from '../../seed/schema.ts';
import { relationshipKey } from '../../seed/schema.ts';
import type { Problem } from '../../seed/validate.ts';
import { formatProblem, validateSeed, validateSeedText } from '../../seed/validate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DATA = join(ROOT, 'seed/data');
const nodeLines = readFileSync(join(DATA, 'nodes.jsonl'), 'utf8').trimEnd().split('\n');
const relLines = readFileSync(join(DATA, 'relationships.jsonl'), 'utf8').trimEnd().split('\n');
const realNodes = nodeLines.map((l) => JSON.parse(l) as NodeRecord);
const realRels = relLines.map((l) => JSON.parse(l) as RelationshipRecord);

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
function writeSeed(nodes: string[], rels: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'seed-check-'));
  temps.push(dir);
  writeFileSync(join(dir, 'nodes.jsonl'), nodes.join('\n') + '\n');
  writeFileSync(join(dir, 'relationships.jsonl'), rels.join('\n') + '\n');
  return dir;
}
const at = (problems: Problem[], file: string, line: number): Problem[] => problems.filter((p) => p.file.endsWith(file) && p.line === line);

describe('seed:check on the real data', () => {
  it('finds no problem', () => {
    const result = validateSeed(DATA);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.nodes).toHaveLength(nodeLines.length);
    expect(result.relationships).toHaveLength(relLines.length);
  });

  it('keeps one key per relationship, as the loader merges on it', () => {
    const keys = new Set(realRels.map(relationshipKey));
    expect(keys.size).toBe(realRels.length);
  });

  it('exits 0 from the command line with a short summary', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'seed/cli/check.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(new RegExp(`^${nodeLines.length} nodes, ${relLines.length} relationships OK`));
  });
});

describe('seed:check on a broken copy', () => {
  // Build the broken copy from real records, so the test follows the data.
  const victim = realNodes.find((n) => n.label !== 'Country')!;
  const country = realNodes.find((n) => n.label === 'Country')!;
  const post = realNodes.find((n) => n.label === 'Post')!;
  const dated = realRels.find((r) => r.validFrom !== undefined && r.validTo !== undefined && r.validFrom !== r.validTo)!;
  const plain = realRels.find((r) => r.type === 'PART_OF')!;
  const holdsPost = realRels.find((r) => r.type === 'HOLDS_POST')!;

  const nodes = [...nodeLines];
  const victimIndex = realNodes.indexOf(victim);
  nodes[victimIndex] = JSON.stringify({ ...victim, label: 'Org' }); // unknown label
  nodes.push(nodeLines[0]!); // duplicate id
  nodes.push('{"id": "broken", "label": '); // bad JSON
  const rels = [...relLines];
  rels.push(JSON.stringify({ ...plain, to: 'no-such-node' })); // dangling id
  rels.push(JSON.stringify({ ...dated, validFrom: dated.validTo, validTo: dated.validFrom })); // reversed dates
  rels.push(JSON.stringify({ ...holdsPost, from: country.id, to: post.id })); // a Country cannot hold a post
  const dir = writeSeed(nodes, rels);
  const { problems } = validateSeed(dir);
  const n = nodes.length;
  const r = rels.length;

  it('reports an unknown label with the allowed labels', () => {
    const [p] = at(problems, 'nodes.jsonl', victimIndex + 1);
    expect(p?.path).toBe('label');
    expect(formatProblem(p!)).toBe(
      `${join(dir, 'nodes.jsonl')}:${victimIndex + 1}: node "${victim.id}": unknown label "Org". Expected one of ${NODE_LABELS.join(', ')}`,
    );
  });

  it('reports a duplicate id with the line of the first one', () => {
    const [p] = at(problems, 'nodes.jsonl', n - 1);
    expect(p?.message).toContain(`node "${realNodes[0]!.id}": duplicate id, first defined on line 1`);
  });

  it('reports bad JSON with its line', () => {
    const [p] = at(problems, 'nodes.jsonl', n);
    expect(p?.message).toMatch(/^bad JSON/);
  });

  it('reports a dangling id and suggests nothing far-fetched', () => {
    const [p] = at(problems, 'relationships.jsonl', r - 2);
    expect(p?.path).toBe('to');
    expect(p?.message).toContain('unknown node id "no-such-node" at "to"');
  });

  it('reports reversed dates', () => {
    const [p] = at(problems, 'relationships.jsonl', r - 1);
    expect(p?.message).toContain(`validFrom ${dated.validTo} is after validTo ${dated.validFrom}`);
  });

  it('reports an endpoint label the type does not allow, with the allowed labels', () => {
    const [p] = at(problems, 'relationships.jsonl', r);
    expect(p?.path).toBe('from');
    expect(p?.message).toContain(
      `HOLDS_POST may not start at "${country.id}" (Country). Expected one of ${RELATIONSHIP_RULES.HOLDS_POST.from.join(', ')}`,
    );
  });

  it('reports all of them in one run, and nothing else', () => {
    expect(problems).toHaveLength(6);
  });

  it('exits 1 from the command line and prints file:line for each problem', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'seed/cli/check.ts', '--dir', dir], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`nodes.jsonl:${victimIndex + 1}: node "${victim.id}": unknown label "Org"`);
    expect(stderr).toContain(`relationships.jsonl:${r - 2}: `);
    expect(stderr).toMatch(/6 problems/);
  });
});

describe('validateSeedText', () => {
  const prov = { sources: ['001_1c1597dd7120e666.txt#L18-L18'], evidence: 'a paraphrase of the cited lines', status: 'stated' };
  const node = (id: string, label: string, extra: object = {}): string => JSON.stringify({ id, label, name: id, ...extra, ...prov });
  const rel = (o: object): string => JSON.stringify({ ...o, ...prov });
  const check = (nodes: string[], rels: string[]): Problem[] =>
    validateSeedText({ nodesText: nodes.join('\n'), relationshipsText: rels.join('\n') }).problems;

  it('rejects a qualifier the type does not take, naming the allowed ones', () => {
    const problems = check([node('a', 'Agency'), node('b', 'Agency')], [rel({ type: 'UNDER', from: 'a', to: 'b', task: 'x' })]);
    expect(problems.map((p) => p.message)).toEqual([
      'relationship UNDER "a" → "b": field "task" is not allowed on UNDER. Allowed qualifiers: none',
    ]);
  });

  it('rejects an unknown relationship type with the list of types', () => {
    const problems = check([node('a', 'Agency'), node('b', 'Agency')], [rel({ type: 'LIKES', from: 'a', to: 'b' })]);
    expect(problems[0]?.message).toMatch(/unknown relationship type "LIKES". Expected one of PART_OF, UNDER, /);
  });

  it('asks for provenance', () => {
    const problems = validateSeedText({
      nodesText: JSON.stringify({ id: 'a', label: 'Agency', name: 'A' }),
      relationshipsText: '',
    }).problems;
    expect(problems.map((p) => p.path).sort()).toEqual(['evidence', 'sources', 'status']);
    expect(problems[0]?.message).toMatch(/missing provenance/);
  });

  it('checks forum ids and wants the agent tied to the forum', () => {
    const nodes = [node('agency', 'Agency'), node('gov', 'Government'), node('forum', 'Organisation')];
    const represents = { type: 'REPRESENTS', from: 'agency', to: 'gov', capacity: 'government' };
    expect(check(nodes, [rel({ ...represents, forum: 'nowhere' })]).map((p) => p.message)).toContain(
      'relationship REPRESENTS "agency" → "gov": unknown forum id "nowhere"',
    );
    expect(check(nodes, [rel({ ...represents, forum: 'forum' })]).map((p) => p.message)).toEqual([
      'relationship REPRESENTS "agency" → "gov": no PARTICIPATES_IN or MEMBER_OF from "agency" to forum "forum"',
    ]);
    expect(check(nodes, [rel({ ...represents, forum: 'forum' }), rel({ type: 'PARTICIPATES_IN', from: 'agency', to: 'forum' })])).toEqual(
      [],
    );
  });

  it("flags aliases that are blank, shared or another node's name", () => {
    const problems = check(
      [node('a', 'Agency', { aliases: ['X', ' '] }), node('b', 'Agency', { aliases: ['x'] }), node('c', 'Agency', { aliases: ['a'] })],
      [],
    );
    expect(problems.map((p) => `${p.line} ${p.path} ${p.message}`)).toEqual([
      '1 aliases.1 node "a": alias 1 is blank',
      '2 aliases.0 node "b": alias "x" is also an alias of node "a"',
      '3 aliases.0 node "c": alias "a" is the name of node "a"',
    ]);
  });

  it('wants routing chains numbered 1..n and connected', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => node(id, 'Agency'));
    const hop = (from: string, to: string, step: number): string => rel({ type: 'FORWARDS_REQUESTS_TO', from, to, chain: 'k', step });
    expect(check(nodes, [hop('a', 'b', 1), hop('b', 'c', 2)])).toEqual([]);
    const problems = check(nodes, [hop('a', 'b', 1), hop('c', 'd', 3)]).map((p) => p.message);
    expect(problems).toEqual([
      'chain "k": expected step 2, found 3 (steps must run 1..2 without gaps or repeats)',
      'chain "k": step 3 starts at "c" but step 1 ended at "b"',
    ]);
  });

  it('reports duplicate relationship keys', () => {
    const nodes = [node('a', 'Agency'), node('b', 'Agency')];
    const problems = check(nodes, [rel({ type: 'UNDER', from: 'a', to: 'b' }), rel({ type: 'UNDER', from: 'a', to: 'b' })]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2 });
    expect(problems[0]?.message).toContain(
      `duplicate relationship key "${relationshipKey({ type: 'UNDER', from: 'a', to: 'b' })}", first on line 1`,
    );
  });
});
