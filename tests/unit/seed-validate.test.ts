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
  writeFileSync(join(dir, 'sources.json'), readFileSync(join(DATA, 'sources.json'), 'utf8'));
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

  it('exits 0 from the command line with a short summary', { timeout: 30_000 }, () => {
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
  rels.push(JSON.stringify({ ...plain, id: 'broken-dangling', to: 'no-such-node' })); // dangling id
  rels.push(JSON.stringify({ ...dated, id: 'broken-reversed', validFrom: dated.validTo, validTo: dated.validFrom })); // reversed dates
  rels.push(JSON.stringify({ ...holdsPost, id: 'broken-holder', from: country.id, to: post.id })); // a Country cannot hold a post
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

  it('exits 1 from the command line and prints file:line for each problem', { timeout: 30_000 }, () => {
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
  const prov = { sources: ['001_1c1597dd7120e666.txt#L18-L18'], evidence: 'a paraphrase of the cited lines', certainty: 'stated' };
  const node = (id: string, label: string, extra: object = {}): string => JSON.stringify({ id, label, name: id, ...extra, ...prov });
  let relCount = 0;
  const rel = (o: object): string => JSON.stringify({ id: `fact-${++relCount}`, ...prov, ...o });
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
    expect(problems.map((p) => p.path).sort()).toEqual(['certainty', 'evidence', 'sources']);
    expect(problems[0]?.message).toMatch(/missing provenance/);
  });

  it('checks forum ids and wants the agent tied to the forum', () => {
    const nodes = [node('agency', 'Agency'), node('gov', 'Country'), node('forum', 'Organisation')];
    const represents = { type: 'REPRESENTS', from: 'agency', to: 'gov', capacity: 'government', basisKind: 'not-stated' };
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

  describe('the trust model', () => {
    const base = [node('agency', 'Agency'), node('sweden', 'Country'), node('gov', 'Government'), node('forum', 'Organisation')];
    const messages = (nodes: string[], rels: string[]): string[] => check(nodes, rels).map((p) => p.message);

    it('wants relationship ids unique', () => {
      const problems = check(base, [
        rel({ id: 'x', type: 'UNDER', from: 'agency', to: 'gov' }),
        rel({ id: 'x', type: 'PART_OF', from: 'agency', to: 'gov' }),
      ]);
      expect(problems.map((p) => `${p.line} ${p.path} ${p.message}`)).toEqual([
        '2 id relationship PART_OF "agency" → "gov": duplicate relationship id "x", first on line 1',
      ]);
    });

    it('keeps a hedge to hedged facts and asks an inference what it rests on', () => {
      expect(messages(base, [rel({ type: 'UNDER', from: 'agency', to: 'gov', certainty: 'hedged' })])).toEqual([
        expect.stringContaining('a hedged fact needs "hedge"'),
      ]);
      expect(messages(base, [rel({ type: 'UNDER', from: 'agency', to: 'gov', hedge: 'kan (may)' })])).toEqual([
        expect.stringContaining('"hedge" belongs only on a hedged fact'),
      ]);
      expect(messages(base, [rel({ type: 'UNDER', from: 'agency', to: 'gov', certainty: 'inferred' })])).toEqual([
        expect.stringContaining('an inferred fact needs "inferredFrom"'),
      ]);
      expect(
        messages(base, [
          rel({ type: 'UNDER', from: 'agency', to: 'gov', certainty: 'inferred', outsideKnowledge: 'general knowledge of Sweden' }),
        ]),
      ).toEqual([expect.stringContaining('expected "outside knowledge: …"')]);
      expect(
        messages(base, [rel({ type: 'UNDER', from: 'agency', to: 'gov', certainty: 'inferred', inferredFrom: ['no-such-fact'] })]),
      ).toEqual([expect.stringContaining('inferredFrom "no-such-fact" is neither a relationship id nor a node id')]);
      expect(
        messages(base, [
          rel({ id: 'f1', type: 'UNDER', from: 'agency', to: 'gov' }),
          rel({ type: 'PART_OF', from: 'agency', to: 'gov', certainty: 'inferred', inferredFrom: ['f1', 'sweden'] }),
        ]),
      ).toEqual([]);
    });

    it('wants a basis on every act of authority, resolving to a MANDATES fact or a Treaty', () => {
      const nodes = [...base, node('post', 'Post'), node('pact', 'Treaty')];
      const mandate = rel({ id: 'm1', type: 'MANDATES', from: 'gov', to: 'agency', subject: 'appoint' });
      expect(messages(nodes, [rel({ type: 'APPOINTS', from: 'agency', to: 'post' })])).toEqual([
        'relationship APPOINTS "agency" → "post": APPOINTS is an act of authority and needs "basisKind" (mandate, treaty, law or not-stated)',
      ]);
      expect(
        messages(nodes, [
          mandate,
          rel({ type: 'APPOINTS', from: 'agency', to: 'post', basisKind: 'mandate', basisRef: 'm1', basisCertainty: 'stated' }),
        ]),
      ).toEqual([]);
      expect(
        messages(nodes, [
          rel({ type: 'APPOINTS', from: 'agency', to: 'post', basisKind: 'mandate', basisRef: 'm2', basisCertainty: 'stated' }),
        ]),
      ).toEqual([expect.stringContaining('basisRef "m2" is not the id of any relationship')]);
      expect(
        messages(nodes, [
          rel({ id: 'u1', type: 'UNDER', from: 'agency', to: 'gov' }),
          rel({ type: 'APPOINTS', from: 'agency', to: 'post', basisKind: 'mandate', basisRef: 'u1', basisCertainty: 'stated' }),
        ]),
      ).toEqual([expect.stringContaining('basisRef "u1" is a UNDER; a mandate basis must be a MANDATES fact')]);
      expect(
        messages(nodes, [
          rel({ type: 'ESTABLISHES', from: 'agency', to: 'post', basisKind: 'treaty', basisRef: 'sweden', basisCertainty: 'inferred' }),
        ]),
      ).toEqual([expect.stringContaining('basisRef "sweden" is a Country; a treaty basis must be a Treaty node')]);
      expect(messages(nodes, [rel({ type: 'ESTABLISHES', from: 'agency', to: 'post', basisKind: 'treaty', basisRef: 'pact' })])).toEqual([
        expect.stringContaining('needs basisCertainty'),
      ]);
      expect(messages(nodes, [rel({ type: 'UNDER', from: 'agency', to: 'gov', basisKind: 'not-stated' })])).toEqual([
        expect.stringContaining('field "basisKind" is not allowed on UNDER'),
      ]);
    });

    it('refuses a REPRESENTS self-loop and a cabinet as the principal of a government representation', () => {
      const tie = rel({ type: 'PARTICIPATES_IN', from: 'agency', to: 'forum' });
      const represents = { type: 'REPRESENTS', from: 'agency', forum: 'forum', basisKind: 'not-stated' };
      expect(messages(base, [tie, rel({ ...represents, to: 'agency', capacity: 'expert-authority' })])).toEqual([
        expect.stringContaining("a REPRESENTS self-loop; acting in one's own name is PARTICIPATES_IN {capacity: 'expert-authority'}"),
      ]);
      expect(messages(base, [tie, rel({ ...represents, to: 'gov', capacity: 'government' })])).toEqual([
        expect.stringContaining('the principal is the state speaking through its government (e.g. "sweden"), not the Government "gov"'),
      ]);
      expect(messages(base, [tie, rel({ ...represents, to: 'sweden', capacity: 'government' })])).toEqual([]);
    });

    it('takes a Group as forum, with scope only where a Group is the end or forum', () => {
      const nodes = [...base, node('forums', 'Group')];
      const includes = rel({ type: 'INCLUDES', from: 'forums', to: 'forum' });
      const participates = rel({ type: 'PARTICIPATES_IN', from: 'agency', to: 'forums', capacity: 'expert-authority', scope: 'some' });
      const represents = rel({
        type: 'REPRESENTS',
        from: 'agency',
        to: 'sweden',
        forum: 'forums',
        capacity: 'government',
        scope: 'some',
        basisKind: 'not-stated',
      });
      expect(messages(nodes, [includes, participates, represents])).toEqual([]);
      expect(messages(nodes, [rel({ type: 'PARTICIPATES_IN', from: 'agency', to: 'forum', scope: 'each' })])).toEqual([
        expect.stringContaining('"scope" belongs only on a tie whose end or forum is a Group'),
      ]);
    });
  });
});
