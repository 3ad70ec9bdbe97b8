// The data in two languages on the real Neo4j (docs/model.md, "Two languages"): every text of
// the loaded seed reads in Swedish and in English through the API, each form with its origin;
// imports and edits take both forms and say, in plain words, which one is missing.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, undoTestWrites } from '../helpers/api.ts';
import { DATA_TEXT_FIELDS, propertyTextOf, TEXT_LANGS, TEXT_ORIGINS, textOf } from '../../server/model/texts.ts';

const TOKEN = 'test-write-token-bilingual-0123456789';
const { app, db } = testApp({ WRITE_TOKEN: TOKEN });
const P = 'test-lang-';
const DATA = join(resolve(import.meta.dirname, '../..'), 'seed/data');
const seedNodes = readFileSync(join(DATA, 'nodes.jsonl'), 'utf8')
  .trimEnd()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; properties: Record<string, unknown> });
let startVersion = 0;

const cleanUp = () => undoTestWrites(db, P, startVersion);
beforeAll(async () => {
  startVersion = (await request(app).get('/api/versions/current')).body.version;
  await cleanUp();
});
afterAll(async () => {
  await cleanUp();
  await db.close();
});

type Data = Record<string, unknown> & { id: string };

describe('the loaded seed, read through the API', () => {
  it('has a Swedish and an English form, with an origin, for every text of every node and tie', async () => {
    // The whole graph in one read, as the API exports it for Cytoscape (the same data as its elements).
    const res = await request(app).post('/api/export').send({ format: 'cytoscape' });
    expect(res.status).toBe(200);
    const elements = (JSON.parse(res.text) as { elements: { nodes: Array<{ data: Data }>; edges: Array<{ data: Data }> } }).elements;
    const seedIds = new Set(seedNodes.map((n) => n.id));
    const nodes = new Map(elements.nodes.filter((n) => seedIds.has(n.data.id)).map((n) => [n.data.id, n.data]));
    const ties = new Map(
      elements.edges
        .filter((e) => seedIds.has(String(e.data.source)) && !String(e.data.factId ?? '').startsWith(P))
        .map((e) => [e.data.id, e.data]),
    );
    expect(nodes.size).toBe(seedNodes.length);
    expect(ties.size).toBe(readFileSync(join(DATA, 'relationships.jsonl'), 'utf8').trimEnd().split('\n').length);

    const lacking: string[] = [];
    const check = (who: string, data: Data) => {
      for (const field of DATA_TEXT_FIELDS) {
        if (data[field] === undefined && data[`${field}Sv`] === undefined && data[`${field}En`] === undefined) continue;
        for (const lang of TEXT_LANGS) {
          const text = textOf(data, field, lang);
          const origin = data[`${field}${lang === 'sv' ? 'Sv' : 'En'}Origin`];
          if (!text || !(TEXT_ORIGINS as readonly unknown[]).includes(origin)) lacking.push(`${who} ${field} ${lang}`);
        }
      }
    };
    for (const [id, data] of nodes) check(`node ${id}`, data);
    for (const [id, data] of ties) check(`tie ${id}`, data);
    // Free properties with words (tasks, aims, staff…): both forms, from the API's node data.
    for (const seed of seedNodes) {
      const data = nodes.get(seed.id)!;
      for (const [key, value] of Object.entries(seed.properties)) {
        if (/(Sv|En)(Origin)?$/.test(key) || !/\p{L}/u.test(JSON.stringify(value))) continue;
        for (const lang of TEXT_LANGS)
          if (!propertyTextOf(data, key, lang) || data[`${key}${lang === 'sv' ? 'Sv' : 'En'}Origin`] === undefined)
            lacking.push(`node ${seed.id} ${key} ${lang}`);
      }
    }
    expect(lacking).toEqual([]);
  });

  it('keeps the source’s wording and our translation apart', async () => {
    const res = await request(app).get('/api/nodes/socialstyrelsen/neighborhood').query({ depth: '1', limit: '500' });
    expect(res.status).toBe(200);
    const node = (res.body.nodes as Array<{ data: Data }>).find((n) => n.data.id === 'socialstyrelsen')!.data;
    expect(textOf(node, 'name', 'sv')).toEqual({ text: 'Socialstyrelsen', lang: 'sv', origin: 'source' });
    expect(textOf(node, 'name', 'en')).toEqual({ text: 'Swedish National Board of Health and Welfare', lang: 'en', origin: 'official' });
    expect(textOf(node, 'evidence', 'sv')?.origin).toBe('ours');
    expect(propertyTextOf(node, 'tasks', 'sv')?.items).toContain('utfärdar legitimationer');
    const hedged = (res.body.edges as Array<{ data: Data }>).find((e) => e.data.hedge === 'i vissa fall (in some cases)')!.data;
    expect(textOf(hedged, 'hedge', 'sv')).toEqual({ text: 'i vissa fall', lang: 'sv', origin: 'source' });
    expect(textOf(hedged, 'hedge', 'en')).toEqual({ text: 'in some cases', lang: 'en', origin: 'ours' });
  });
});

const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };
const tie = (id: string, extra: Record<string, unknown>) => ({
  id: P + id,
  type: 'MANDATES',
  from: 'swedish-government',
  to: 'socialstyrelsen',
  sources: ['001_1c1597dd7120e666.txt#L50-L50'],
  evidence: 'An assignment invented for the two-language tests, removed afterwards.',
  evidenceSv: 'Ett uppdrag som hittats på för testerna av de två språken och tas bort efteråt.',
  evidenceSvOrigin: 'ours',
  certainty: 'stated',
  subject: `test subject ${id}`,
  subjectSv: `testuppdrag ${id}`,
  subjectSvOrigin: 'ours',
  ...extra,
});

describe('an import with one form of a text', () => {
  it('is accepted, and the answer names the missing form in plain words', async () => {
    const res = await request(app)
      .post('/api/import')
      .query({ dryRun: 'true' })
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ relationships: [tie('import', { task: 'check the translations' })] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.relationships.added).toBe(1);
    expect(res.body.warnings).toEqual([{ path: 'relationships[0].taskSv', message: 'The task has no Swedish form yet' }]);
  });

  it('takes both forms from CSV columns and stores them', async () => {
    const csv = [
      'id,type,from,to,task,taskSv,taskSvOrigin,taskEnOrigin,subject,sources,evidence,certainty',
      `${P}csv,MANDATES,swedish-government,socialstyrelsen,test the columns,testa kolumnerna,ours,ours,test csv,001_1c1597dd7120e666.txt#L50-L50,A tie invented for the two-language tests.,stated`,
    ].join('\n');
    const res = await request(app).post('/api/import').set('Authorization', `Bearer ${TOKEN}`).set('Content-Type', 'text/csv').send(csv);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The CSV gives the task in both languages; the assignment name and the evidence only in English.
    expect(res.body.warnings.map((w: { message: string }) => w.message).sort()).toEqual([
      'The assignment name has no Swedish form yet',
      'The evidence summary has no Swedish form yet',
    ]);
    const back = await request(app).get('/api/nodes/socialstyrelsen/neighborhood').query({ depth: '1', limit: '500', direction: 'in' });
    const stored = (back.body.edges as Array<{ data: Data }>).find((e) => e.data.factId === `${P}csv`)!.data;
    expect(textOf(stored, 'task', 'sv')).toEqual({ text: 'testa kolumnerna', lang: 'sv', origin: 'ours' });
    expect(textOf(stored, 'task', 'en')?.text).toBe('test the columns');
  });
});

describe('an edit with one form of a text', () => {
  const post = (ops: unknown[]) =>
    request(app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ reason: 'Testing the two languages of a text', sources: [SOURCE], ops });

  it('is written, and the answer says which form is missing', async () => {
    const { id: _id, ...rest } = tie('edit', { taskEn: 'only in English', taskEnOrigin: 'ours' });
    const res = await post([{ op: 'addTie', tie: { ...rest, id: `${P}edit` } }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.warnings).toEqual([
      { path: 'body.ops[0].tie.taskSv', element: `${P}edit`, message: 'The task has no Swedish form yet' },
    ]);
  });

  it('keeps the old single field in step when the English form changes', async () => {
    const rev = (await request(app).get(`/api/history/${P}edit`)).body.entries[0].changeSet.version as number;
    const both = await post([
      { op: 'updateTie', id: `${P}edit`, rev, set: { taskSv: 'nu på svenska också', taskSvOrigin: 'ours', taskEn: 'in both now' } },
    ]);
    expect(both.status, JSON.stringify(both.body)).toBe(201);
    expect(both.body.warnings).toBeUndefined();
    const after = (await request(app).get(`/api/history/${P}edit`)).body.entries[0].after.properties as Data;
    expect(after.task).toBe('in both now');
    expect(textOf(after, 'task', 'sv')).toEqual({ text: 'nu på svenska också', lang: 'sv', origin: 'ours' });
  });

  it('drops both forms when only the old single field changes, and says the Swedish is missing', async () => {
    const rev = (await request(app).get(`/api/history/${P}edit`)).body.entries[0].changeSet.version as number;
    // An editor who knows only the single field: the forms said the old thing, so they go.
    const res = await post([{ op: 'updateTie', id: `${P}edit`, rev, set: { task: 'corrected by an older client' } }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.warnings).toEqual([
      { path: 'body.ops[0].set.taskSv', element: `${P}edit`, message: 'The task has no Swedish form yet' },
    ]);
    const after = (await request(app).get(`/api/history/${P}edit`)).body.entries[0].after.properties as Data;
    expect(textOf(after, 'task', 'en')?.text).toBe('corrected by an older client');
    expect(textOf(after, 'task', 'sv')).toBeNull();
  });
});
