// The standard exports of the whole seed graph, each checked by its format's own tools
// (tests/tools/*.py): followthemoney reads every FtM entity without dropping a value, rdflib
// parses the JSON-LD and the Turtle to the same graph and pyshacl validates it against the
// shapes in tests/fixtures/shapes, networkx reads the GEXF with its spells, and the Popolo
// project's own JSON schemas validate the Popolo. A fixture subgraph in the trust-model
// contract's terms (ids t-ex15-…, removed afterwards) shows certainty, hedges, basis and
// source documents arriving in each format. FtM and Popolo then round-trip through an empty
// Neo4j of their own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFacts } from '../../server/data-io/import.ts';
import { Database, type Row } from '../../server/db/database.ts';
import { ValidationError } from '../../server/errors.ts';
import { testApp } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';
import { emptyScratchNeo4j } from '../helpers/scratch-neo4j.ts';

const { app, db } = testApp();
const TOOLS = join(import.meta.dirname, '../tools');
const FIXTURES = join(import.meta.dirname, '../fixtures');
const SHAPES = ['org.ttl', 'prov.ttl'].map((f) => join(FIXTURES, 'shapes', f));
const dir = mkdtempSync(join(tmpdir(), 'mandate-standards-'));

afterAll(async () => {
  await removeFixture();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exportText(body: object): Promise<string> {
  const res = await request(app).post('/api/export').send(body);
  expect(res.status).toBe(200);
  return res.text;
}

function python<T>(script: string, ...args: string[]): T {
  return JSON.parse(execFileSync('python3', [join(TOOLS, script), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as T;
}

function save(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

interface FtmReport {
  entities: number;
  schemata: Record<string, number>;
  problems: string[];
}
interface RdfReport {
  triples: { jsonld: number; turtle: number };
  isomorphic: boolean;
  only: unknown;
  shacl: Record<'jsonld' | 'turtle', { conforms: boolean; report: string }>;
}
interface PopoloReport {
  counts: Record<string, number>;
  problems: string[];
}
interface GexfReport {
  mode: string;
  nodes: number;
  edges: number;
  spells: Record<string, Array<[string, string]>>;
  edgeTypes: string[];
}

/** Entities and ties as the exports see them (the :Source documents are not entities). */
async function entityCounts(d: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await d.read('health/counts', {});
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

describe('the whole seed graph, read by each format’s own tools', () => {
  it('FtM: followthemoney keeps every property and value, with Representation, Occupancy, Position and Membership', async () => {
    const text = await exportText({ format: 'ftm' });
    const { nodes, relationships } = await entityCounts(db);
    const report = python<FtmReport>('check_ftm.py', save('graph.ftm.json', text));
    expect(report.problems).toEqual([]);
    for (const schema of ['Representation', 'Occupancy', 'Position', 'Membership', 'Document'])
      expect(report.schemata[schema] ?? 0, schema).toBeGreaterThan(0);
    const documents = report.schemata.Document ?? 0;
    expect(report.entities).toBeGreaterThanOrEqual(nodes + relationships);
    expect(report.entities).toBeLessThanOrEqual(nodes + relationships + documents);
    const entities = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
    const wigzell = entities.find((e) => e.schema === 'Representation' && e.properties.agent?.[0] === 'olivia-wigzell');
    expect(wigzell?.properties).toMatchObject({ client: ['sweden'], startDate: ['2015'], endDate: ['2018'] });
    expect(wigzell?.properties.proof?.[0]).toMatch(/^source-001/);
    expect(wigzell?.properties.role?.[0]).toContain('"forum":"who-executive-board"');
    const occupancy = entities.find((e) => e.schema === 'Occupancy' && e.properties.post?.[0] === 'post-sweden-chief-nurse-officer');
    expect(occupancy?.properties.holder).toEqual(['charlotta-george']);
    expect(entities.filter((e) => e.schema === 'Membership' && e.properties.startDate).length).toBeGreaterThan(0);
  });

  it('Popolo: validates against the Popolo schemas; Sweden’s chief officers are posts with holders; representation is on_behalf_of', async () => {
    const text = await exportText({ format: 'popolo' });
    const file = save('graph.popolo.json', text);
    const report = python<PopoloReport>('check_popolo.py', file, join(FIXTURES, 'popolo'));
    expect(report.problems).toEqual([]);
    const doc = JSON.parse(text) as Record<string, Array<Record<string, unknown>>>;
    const posts = doc.posts!.filter((p) => String(p.id).startsWith('post-sweden-chief-'));
    expect(posts.map((p) => p.id).sort()).toEqual([
      'post-sweden-chief-dental-officer',
      'post-sweden-chief-medical-officer',
      'post-sweden-chief-midwifery-officer',
      'post-sweden-chief-nurse-officer',
    ]);
    for (const p of posts) expect(p.organization_id).toBe('socialstyrelsen');
    const holders = doc.memberships!.filter((m) => m.post_id === 'post-sweden-chief-nurse-officer');
    expect(holders).toContainEqual(expect.objectContaining({ person_id: 'charlotta-george', organization_id: 'socialstyrelsen' }));
    expect(doc.memberships).toContainEqual(
      expect.objectContaining({
        person_id: 'olivia-wigzell',
        organization_id: 'who-executive-board',
        on_behalf_of_id: 'sweden',
        start_date: '2015',
        end_date: '2018',
      }),
    );
    // The schemas do bite: a date Popolo does not allow is reported.
    const broken = JSON.parse(text) as { memberships: Array<Record<string, unknown>> };
    broken.memberships[0]!.start_date = '2015-13-45x';
    const bad = python<PopoloReport>('check_popolo.py', save('broken.popolo.json', JSON.stringify(broken)), join(FIXTURES, 'popolo'));
    expect(bad.problems.some((p) => p.startsWith('memberships[0]'))).toBe(true);
  });

  it('JSON-LD and Turtle: rdflib reads the same graph from both, and it passes the ORG and PROV shapes', async () => {
    const jsonld = save('graph.jsonld', await exportText({ format: 'jsonld' }));
    const turtle = save('graph.ttl', await exportText({ format: 'turtle' }));
    const report = python<RdfReport>('check_rdf.py', jsonld, turtle, ...SHAPES);
    expect(report.only).toEqual({});
    expect(report.isomorphic).toBe(true);
    expect(report.triples.turtle).toBeGreaterThan(1000);
    expect(report.shacl.jsonld.report).toBe('');
    expect(report.shacl.turtle.conforms).toBe(true);
  });

  it('GEXF: networkx reads a dynamic graph whose spells are the validity dates', async () => {
    const text = await exportText({ format: 'gexf' });
    const { nodes, relationships } = await entityCounts(db);
    const report = python<GexfReport>('check_gexf.py', save('graph.gexf', text));
    expect(report.mode).toBe('dynamic');
    expect(report.nodes).toBe(nodes);
    expect(report.edges).toBe(relationships);
    const spells = Object.values(report.spells);
    expect(spells).toContainEqual([['2015-01-01', '2018-12-31']]);
    expect(spells).toContainEqual([['2023-06-01', 'None']]);
  });
});

// ------------------------------------------------------------- contract fixture subgraph

const P = 't-ex15-';
const FIXTURE_FILE = 't-ex15-report.txt';

async function removeFixture(): Promise<void> {
  await db.replayStatement(`MATCH (n:Entity) WHERE n.id STARTS WITH '${P}' DETACH DELETE n`);
  await db.replayStatement(`MATCH (s:Source {file: '${FIXTURE_FILE}'}) DELETE s`);
}

/** A small graph in the trust-model contract's terms, written as the data session's loader will. */
async function createFixture(): Promise<void> {
  await removeFixture();
  const src = [`${FIXTURE_FILE}#L1-L3`];
  const node = (id: string, label: string, name: string, extra = '') =>
    `CREATE (:Entity:${label} {id: '${P}${id}', label: '${label}', name: '${name}', aliases: [], sources: ${JSON.stringify(src)}, evidence: 'A node made up for the export tests.', certainty: 'stated'${extra}})`;
  await db.replayStatement(
    [
      node('ministry', 'Ministry', 'Testdepartementet'),
      node('agency', 'Agency', 'Testverket'),
      node('country', 'Country', 'Testland'),
      node('forum', 'Organisation', 'Testforum'),
      node('person', 'Person', 'Testa Testsson'),
      node('post', 'Post', 'Testchef'),
    ].join('\n'),
  );
  const rel = (type: string, from: string, to: string, props: Record<string, unknown>) => {
    const base = { sources: src, evidence: 'A tie made up for the export tests.', certainty: 'stated', ...props };
    return `MATCH (a:Entity {id: '${P}${from}'}), (b:Entity {id: '${P}${to}'}) CREATE (a)-[:${type} ${JSON.stringify(base).replace(/"([A-Za-z]+)":/g, '$1:')}]->(b)`;
  };
  for (const statement of [
    rel('MANDATES', 'ministry', 'agency', {
      id: `${P}mandates`,
      key: `${P}k1`,
      task: 'represent the country in the forum',
      validFrom: '2020',
    }),
    rel('PARTICIPATES_IN', 'agency', 'forum', { id: `${P}participates`, key: `${P}k2` }),
    rel('REPRESENTS', 'agency', 'country', {
      id: `${P}represents`,
      key: `${P}k3`,
      forum: `${P}forum`,
      capacity: 'government',
      certainty: 'hedged',
      hedge: 'i vissa fall (in some cases)',
      basisKind: 'mandate',
      basisRef: `${P}mandates`,
      basisCertainty: 'inferred',
      validFrom: '2021-03',
      validTo: '2024',
    }),
    rel('HOLDS_POST', 'person', 'post', { id: `${P}holds`, key: `${P}k4`, attested: '2024' }),
    rel('PART_OF', 'post', 'agency', {
      id: `${P}part-of`,
      key: `${P}k5`,
      certainty: 'inferred',
      inferredFrom: [`${P}holds`],
      outsideKnowledge: 'outside knowledge: chief posts sit in the agency that appoints them',
    }),
  ])
    await db.replayStatement(statement);
  await db.replayStatement(
    `CREATE (:Source {file: '${FIXTURE_FILE}', title: 'Testrapport', publisher: 'Testverket', language: 'sv', written: '2024', writtenCertainty: 'inferred', writtenBasis: 'latest events it reports as done'})`,
  );
}

describe('a subgraph in the trust-model contract’s terms', () => {
  const ids = ['ministry', 'agency', 'country', 'forum', 'person', 'post'].map((x) => P + x);
  beforeAll(createFixture);

  it('RDF: the hedge, the qualified delegation with its forum, the mandate as basis and the dated source document', async () => {
    const jsonld = save('fixture.jsonld', await exportText({ format: 'jsonld', ids }));
    const ttl = await exportText({ format: 'turtle', ids });
    const turtle = save('fixture.ttl', ttl);
    const report = python<RdfReport>('check_rdf.py', jsonld, turtle, ...SHAPES, join(FIXTURES, 'shapes', 'certainty.ttl'));
    expect(report.isomorphic).toBe(true);
    expect(report.shacl.turtle.report).toBe('');
    const query = (sparql: string) =>
      JSON.parse(
        execFileSync(
          'python3',
          [
            '-c',
            'import json,sys,rdflib; g=rdflib.Graph().parse(sys.argv[1]); print(json.dumps([[str(v) for v in row] for row in g.query(sys.argv[2])]))',
            turtle,
            sparql,
          ],
          { encoding: 'utf8' },
        ),
      ) as string[][];
    const prefixes =
      'PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX me: <urn:mandate-explorer:ns#> PREFIX dcterms: <http://purl.org/dc/terms/> ';
    expect(
      query(
        prefixes +
          `SELECT ?hedge ?principal ?forum ?basis WHERE { ?agent prov:qualifiedDelegation ?d . ?d me:hedge ?hedge ; prov:agent ?principal ; prov:hadActivity ?act ; prov:qualifiedInfluence ?i . ?act me:forum ?forum . ?i prov:influencer ?basis }`,
      ),
    ).toEqual([
      [
        'i vissa fall (in some cases)',
        `urn:mandate-explorer:id:${P}country`,
        `urn:mandate-explorer:id:${P}forum`,
        `urn:mandate-explorer:fact:${P}mandates`,
      ],
    ]);
    expect(query(prefixes + `SELECT ?date WHERE { ?f prov:wasDerivedFrom ?doc . ?doc dcterms:date ?date } LIMIT 1`)).toEqual([['2024']]);
  });

  it('FtM and Popolo say the certainty in their own words; GEXF starts an undated fact at its attested date', async () => {
    const ftm = (await exportText({ format: 'ftm', ids }))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    expect(python<FtmReport>('check_ftm.py', save('fixture.ftm.json', ftm.map((e) => JSON.stringify(e)).join('\n'))).problems).toEqual([]);
    const represents = ftm.find((e) => e.id === `${P}represents`);
    expect(represents?.properties.summary?.[0]).toContain('Certainty: hedged — i vissa fall (in some cases).');
    expect(ftm.find((e) => e.schema === 'Document')?.properties).toMatchObject({ title: ['Testrapport'], date: ['2024'] });

    const popolo = JSON.parse(await exportText({ format: 'popolo', ids })) as { memberships: Array<Record<string, unknown>> };
    const membership = popolo.memberships.find((m) => m.id === `${P}represents`);
    expect(membership).toMatchObject({ on_behalf_of_id: `${P}country`, organization_id: `${P}forum` });
    expect(membership?.mandate_explorer).toMatchObject({
      certainty: 'hedged',
      hedge: 'i vissa fall (in some cases)',
      basisRef: `${P}mandates`,
    });

    const gexf = python<GexfReport>('check_gexf.py', save('fixture.gexf', await exportText({ format: 'gexf', ids })));
    expect(gexf.spells[`${P}holds`]).toEqual([['2024-01-01', 'None']]);
    expect(gexf.spells[`${P}represents`]).toEqual([['2021-03-01', '2024-12-31']]);
  });
});

// ------------------------------------------------------------------------ round trips

/** What FtM carries of a graph: ids, labels, names, dates, qualifiers, sources and certainty; not free node properties. */
async function carried(database: Database, keepExtras: boolean): Promise<string[]> {
  const lines: string[] = [];
  const pick = (o: Row, keys: string[]) => JSON.stringify(keys.map((k) => o[k] ?? null));
  const nodeKeys = [
    'id',
    'label',
    'name',
    'nameEn',
    'aliases',
    'description',
    'validFrom',
    'validTo',
    'sources',
    'evidence',
    'status',
    'certainty',
    'hedge',
  ];
  const relKeys = [
    'type',
    'source',
    'target',
    'key',
    'validFrom',
    'validTo',
    'forum',
    'capacity',
    'principal',
    'task',
    'role',
    'subject',
    'agreement',
    'chain',
    'step',
    'sources',
    'evidence',
    'status',
    'certainty',
    'hedge',
  ];
  await database.readStream('export/all-nodes', {}, (row) => {
    const n = row.node as Row;
    if (String(n.id).startsWith(P)) return;
    // `rev` is the store's own bookkeeping (the version that last wrote it), not a fact a format carries.
    const facts = Object.entries(n).filter(([k]) => k !== 'rev');
    lines.push('N' + (keepExtras ? JSON.stringify(Object.fromEntries(facts.sort())) : pick(n, nodeKeys)));
  });
  await database.readStream('export/all-relationships', {}, (row) => {
    const r = row.relationship as Row;
    if (String(r.source).startsWith(P)) return;
    lines.push('R' + pick(r, relKeys));
  });
  return lines.sort();
}

describe('round trip through an empty Neo4j', () => {
  let copy: Database;
  beforeAll(async () => {
    await removeFixture();
    const uri = await emptyScratchNeo4j();
    // A freshly started Neo4j on a shared 2-core machine can take longer than the default
    // 10 s for its first whole-graph transaction.
    copy = new Database({ uri, queryTimeoutMs: 120_000 });
    await copy.applySchema();
  });
  afterAll(async () => {
    await copy?.close();
  });

  it.each([
    ['ftm', false],
    ['popolo', true],
  ] as const)('%s: export, import into an empty graph, and every fact the format carries is back', async (format, keepExtras) => {
    await copy.replayStatement('MATCH (n) DETACH DELETE n');
    const text = await exportText({ format });
    const report = await importFacts(copy, text, { name: `graph.${format}.json` });
    const { nodes, relationships } = await entityCounts(db);
    expect(report).toMatchObject({ written: true, nodes: { added: nodes }, relationships: { added: relationships } });
    expect(await carried(copy, keepExtras)).toEqual(await carried(db, keepExtras));
  });

  it('reports unknown FtM schemata and properties with their line, and writes nothing', async () => {
    await copy.replayStatement('MATCH (n) DETACH DELETE n');
    const lines = (await exportText({ format: 'ftm', ids: ['socialstyrelsen', 'who'] })).trim().split('\n').slice(0, 3);
    lines.push(JSON.stringify({ id: 'x-vessel', schema: 'Vessel', properties: { name: ['Boat'] } }));
    lines.push(JSON.stringify({ id: 'x-person', schema: 'Person', properties: { name: ['Someone'], shoeSize: ['44'] } }));
    const err = (await importFacts(copy, lines.join('\n'), { format: 'ftm' }).then(
      () => null,
      (e: unknown) => e,
    )) as ValidationError | null;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err?.details.map((d) => d.path)).toEqual(['line 4.schema', 'line 5.properties.shoeSize']);
    expect((await graphDigest(copy)).nodes).toBe(0);
  });
});
