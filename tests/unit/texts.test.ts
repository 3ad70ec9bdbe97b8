// The two languages of the data (docs/model.md, "Two languages"): how a form is read, which
// forms a record lacks, and how seed:check reports a missing one at its line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingFormWarning, missingForms, propertyTextOf, textOf } from '../../server/model/texts.ts';
import { validateSeed, validateSeedText } from '../../seed/validate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DATA = join(ROOT, 'seed/data');
const nodeLines = readFileSync(join(DATA, 'nodes.jsonl'), 'utf8').trimEnd().split('\n');
const relLines = readFileSync(join(DATA, 'relationships.jsonl'), 'utf8').trimEnd().split('\n');

describe('textOf over the two forms', () => {
  const tie = {
    task: 'appoint the chief officers',
    taskSv: 'utse chefstjänstemännen',
    taskSvOrigin: 'ours',
    taskEn: 'appoint the chief officers',
    taskEnOrigin: 'ours',
    hedge: 'i vissa fall (in some cases)',
    basisNoteSv: 'inget mandat nämns',
    basisNoteSvOrigin: 'source',
  };

  it('reads each language from its own key, with its origin', () => {
    expect(textOf(tie, 'task', 'sv')).toEqual({ text: 'utse chefstjänstemännen', lang: 'sv', origin: 'ours' });
    expect(textOf(tie, 'task', 'en')).toEqual({ text: 'appoint the chief officers', lang: 'en', origin: 'ours' });
    expect(textOf(tie, 'basisNote', 'sv')?.origin).toBe('source');
  });

  it('splits a legacy "sv (en)" hedge: the Swedish is the source’s, the gloss ours', () => {
    expect(textOf(tie, 'hedge', 'sv')).toEqual({ text: 'i vissa fall', lang: 'sv', origin: 'source' });
    expect(textOf(tie, 'hedge', 'en')).toEqual({ text: 'in some cases', lang: 'en', origin: 'ours' });
  });

  it('says there is no form rather than showing the other language', () => {
    expect(textOf(tie, 'basisNote', 'en')).toBeNull();
    expect(textOf({ task: 'only English' }, 'task', 'sv')).toBeNull();
  });

  it('reads a list property in each language, and a bare year as itself', () => {
    const props = { tasks: ['issues licences'], tasksSv: ['utfärdar legitimationer'], tasksSvOrigin: 'ours', year: '1997' };
    expect(propertyTextOf(props, 'tasks', 'sv')).toEqual({ items: ['utfärdar legitimationer'], lang: 'sv', origin: 'ours' });
    expect(propertyTextOf(props, 'tasks', 'en')?.items).toEqual(['issues licences']);
    expect(propertyTextOf(props, 'year', 'sv')?.items).toEqual(['1997']);
  });

  it('reads every seed record in both languages', () => {
    const lacking: string[] = [];
    for (const line of [...nodeLines, ...relLines]) {
      const record = JSON.parse(line) as Record<string, unknown>;
      for (const field of ['name', 'description', 'evidence', 'task', 'subject', 'role', 'agreement', 'hedge'] as const)
        for (const lang of ['sv', 'en'] as const)
          if (record[field] !== undefined && !textOf(record, field, lang)) lacking.push(`${String(record.id)} ${field} ${lang}`);
    }
    expect(lacking).toEqual([]);
  });
});

describe('which forms a record lacks', () => {
  it('names each missing form of a field the record has, and only those', () => {
    expect(missingForms({ task: 'x', taskSv: 'y' })).toEqual([]);
    expect(missingForms({ task: 'only English' })).toEqual([{ field: 'task', lang: 'sv', property: false }]);
    expect(missingForms({ taskSv: 'bara svenska' })).toEqual([{ field: 'task', lang: 'en', property: false }]);
  });

  it('asks the seed for the four keys with their origins', () => {
    expect(missingForms({ task: 'x', taskSv: 'y', taskEn: 'x', taskEnOrigin: 'ours' }, { strict: true })).toEqual([
      { field: 'task', lang: 'sv', property: false },
    ]);
  });

  it('checks free properties with words, not years', () => {
    expect(missingForms({ properties: { staff: 'about 700', year: '1968' } })).toEqual([{ field: 'staff', lang: 'sv', property: true }]);
  });

  it('says a missing form in plain words', () => {
    expect(missingFormWarning({ field: 'task', lang: 'sv', property: false })).toBe('The task has no Swedish form yet');
    expect(missingFormWarning({ field: 'subject', lang: 'en', property: false })).toBe('The assignment name has no English form yet');
    expect(missingFormWarning({ field: 'internationalWorkAreas', lang: 'sv', property: true })).toBe(
      'The international work areas have no Swedish form yet',
    );
  });
});

describe('seed:check and the two forms', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
  // A real tie with a task, its Swedish form taken away; and a node without its English name's origin.
  const relIndex = relLines.findIndex((l) => (JSON.parse(l) as Record<string, unknown>).taskSv !== undefined);
  const nodeIndex = 4;
  const broken = () => {
    const rels = [...relLines];
    const tie = JSON.parse(rels[relIndex]!) as Record<string, unknown>;
    delete tie.taskSv;
    rels[relIndex] = JSON.stringify(tie);
    const nodes = [...nodeLines];
    const node = JSON.parse(nodes[nodeIndex]!) as Record<string, unknown>;
    delete node.nameEnOrigin;
    nodes[nodeIndex] = JSON.stringify(node);
    return { nodes, rels, tie, node };
  };

  it('passes on the real seed', () => {
    expect(validateSeed(DATA).missingForms).toEqual([]);
  });

  it('reports a missing form as file:line from the command line and fails', { timeout: 30_000 }, () => {
    const { nodes, rels, tie, node } = broken();
    const dir = mkdtempSync(join(tmpdir(), 'seed-forms-'));
    temps.push(dir);
    writeFileSync(join(dir, 'nodes.jsonl'), nodes.join('\n') + '\n');
    writeFileSync(join(dir, 'relationships.jsonl'), rels.join('\n') + '\n');
    writeFileSync(join(dir, 'sources.json'), readFileSync(join(DATA, 'sources.json'), 'utf8'));
    let stderr = '';
    let status = 0;
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
    expect(stderr).toContain(`relationships.jsonl:${relIndex + 1}: `);
    expect(stderr).toMatch(
      new RegExp(
        `relationships\\.jsonl:${relIndex + 1}: relationship ${String(tie.type)} "${String(tie.from)}" → "${String(tie.to)}": the task has no Swedish form`,
      ),
    );
    expect(stderr).toMatch(new RegExp(`nodes\\.jsonl:${nodeIndex + 1}: node "${String(node.id)}": the name has no English form`));
  });

  it('lets an import through with the same gap, as a warning in plain words', () => {
    const { nodes, rels } = broken();
    const result = validateSeedText({ nodesText: nodes.join('\n'), relationshipsText: rels.join('\n') });
    expect(result.problems).toEqual([]);
    // Outside the seed a form the reader can find counts: the legacy English name still reads.
    expect(result.missingForms).toEqual([
      expect.objectContaining({ file: 'relationships.jsonl', line: relIndex + 1, message: 'The task has no Swedish form yet' }),
    ]);
  });

  it('refuses a legacy field that disagrees with its English form', () => {
    const rels = [...relLines];
    const tie = JSON.parse(rels[relIndex]!) as Record<string, unknown>;
    tie.taskEn = 'something else';
    rels[relIndex] = JSON.stringify(tie);
    const result = validateSeedText({ nodesText: nodeLines.join('\n'), relationshipsText: rels.join('\n'), strictForms: true });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: relIndex + 1, path: 'taskEn' });
    expect(result.problems[0]?.message).toContain('"taskEn" differs from "task"');
  });
});
