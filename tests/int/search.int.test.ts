// Search as a user meets it, over HTTP on the real Neo4j. Invented entities with ids starting
// "searchfix-" are loaded beside the seed and removed afterwards, so the ranking rules are shown
// on a graph whose shape the test controls (a part with more ties than its whole, a near miss with
// more ties than the exact match); then the examples of issue 14 on the seed itself.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deletePrefixed } from '../../bench/load/bulk-load.ts';
import { loadRecords } from '../../seed/load.ts';
import { NodeRecord, RelationshipRecord } from '../../seed/schema.ts';
import { INDEX_STOP_WORDS } from '../../server/graph/search-text.ts';
import { testApp } from '../helpers/api.ts';

const { app, db } = testApp();
const PREFIX = 'searchfix-';
const SOURCE = { sources: ['searchfix.txt#L1'], evidence: 'Invented for the search tests.', certainty: 'stated' as const };

const node = (id: string, label: string, name: string, extra: Record<string, unknown> = {}) =>
  NodeRecord.parse({ id: PREFIX + id, label, name, ...extra, ...SOURCE });
const tie = (type: string, from: string, to: string) =>
  RelationshipRecord.parse({
    id: `${PREFIX}${type.toLowerCase().replace(/_/g, '-')}-${from}-${to}`,
    type,
    from: PREFIX + from,
    to: PREFIX + to,
    ...SOURCE,
  });
const partners = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => node(`partner-${x}`, 'Organisation', `Saltmyr partner ${x}`));

const NODES = [
  // A Norwegian authority, its units and post, and its staff. The analysis unit has more ties
  // than the authority itself, so only the whole-before-part rule can put the authority first.
  node('kvarnbyverket', 'Agency', 'Kvarnbyverket', { nameEn: 'Quernby Authority (Norway)', aliases: ['KBV'] }),
  node('kvarnbyverket-analys', 'Unit', 'Kvarnbyverkets analysenhet', { nameEn: 'Analysis Unit of the Norwegian Quernby Authority' }),
  node('kvarnbyverket-tillsyn', 'Unit', 'Kvarnbyverkets tillsynsavdelning', {
    nameEn: 'Supervision Department (Norwegian Quernby Authority)',
  }),
  node('kvarnbyverket-dg', 'Post', 'Kvarnbyverkets generaldirektör', { nameEn: 'Director-General of the Norwegian Quernby Authority' }),
  node('torvald-quernbeck', 'Person', 'Torvald Quernbeck'),
  // An organisation and a better-connected person who works there, both matching "Lindqvist".
  node('brakewater-lindqvist-foundation', 'Organisation', 'Brakewater Lindqvist Foundation'),
  node('signe-lindqvist', 'Person', 'Signe Lindqvist'),
  // One of each match kind for "tornvik"; the near miss has the most ties.
  node('tornvik', 'Organisation', 'Tornvik'),
  node('tornviks-hamnforbund', 'Organisation', 'Tornviks hamnförbund'),
  node('hamnradet-i-tornvik', 'Organisation', 'Hamnrådet i Tornvik'),
  node('tornvek', 'Organisation', 'Tornvek'),
  // Two unrelated funds of one kind of match: the better-connected one first, though its long
  // name gives it the lower full-text score.
  node('ravensholt-fund', 'Organisation', 'Ravensholt Fund'),
  node('ravensholt-regional-fund', 'Organisation', 'Ravensholt Regional Development Fund for the Northern Valleys'),
  ...partners,
];
const RELATIONSHIPS = [
  tie('PART_OF', 'kvarnbyverket-analys', 'kvarnbyverket'),
  tie('PART_OF', 'kvarnbyverket-tillsyn', 'kvarnbyverket'),
  tie('PART_OF', 'kvarnbyverket-dg', 'kvarnbyverket'),
  tie('WORKS_AT', 'torvald-quernbeck', 'kvarnbyverket'),
  tie('HOLDS_POST', 'torvald-quernbeck', 'kvarnbyverket-dg'),
  tie('WORKS_AT', 'signe-lindqvist', 'brakewater-lindqvist-foundation'),
  ...partners.flatMap((p) => [
    tie('COOPERATES_WITH', 'kvarnbyverket-analys', p.id.slice(PREFIX.length)),
    tie('PARTICIPATES_IN', 'signe-lindqvist', p.id.slice(PREFIX.length)),
    tie('COOPERATES_WITH', 'tornvek', p.id.slice(PREFIX.length)),
  ]),
  tie('COOPERATES_WITH', 'hamnradet-i-tornvik', 'partner-a'),
  tie('COOPERATES_WITH', 'hamnradet-i-tornvik', 'partner-b'),
  tie('COOPERATES_WITH', 'ravensholt-regional-fund', 'partner-a'),
];

beforeAll(async () => {
  await deletePrefixed(db, PREFIX);
  await loadRecords(db, NODES, RELATIONSHIPS, { atomic: true });
});
afterAll(async () => {
  await deletePrefixed(db, PREFIX);
  await db.close();
});

interface Hit {
  id: string;
  label: string;
  score: number;
  matchedOn: { kind: string; field: string; value: string };
}

async function search(q: string, extra: Record<string, string | number> = {}): Promise<Hit[]> {
  const res = await request(app)
    .get('/api/search')
    .query({ q, ...extra });
  expect(res.status).toBe(200);
  return res.body.hits as Hit[];
}
const ids = (hits: Hit[]) => hits.map((h) => h.id.replace(PREFIX, ''));

describe('search ranking (own fixtures)', () => {
  it('ranks exact before inflected-free prefix, all words and near misses, whatever the ties', async () => {
    const hits = (await search('tornvik')).filter((h) => h.id.startsWith(PREFIX));
    expect(ids(hits)).toEqual(['tornvik', 'tornviks-hamnforbund', 'hamnradet-i-tornvik', 'tornvek']);
    expect(hits.map((h) => h.matchedOn.kind)).toEqual(['exact', 'prefix', 'words', 'fuzzy']);
  });

  it('finds a name from its Swedish genitive and definite forms, before names that begin with them', async () => {
    for (const q of ['Tornviks', 'tornvikens']) {
      const hits = await search(q);
      expect(ids(hits)[0], q).toBe('tornvik');
      expect(hits[0]!.matchedOn).toMatchObject({ kind: 'inflected', field: 'name', value: 'Tornvik' });
    }
    const [first, second] = ids(await search('Kvarnbyverkets'));
    expect([first, second]).toEqual(['kvarnbyverket', expect.stringMatching(/^kvarnbyverket-/)]);
  });

  it('puts the whole before its parts and post, though a part has more ties', async () => {
    const hits = (await search('Norwegian Quernby authority')).filter((h) => h.id.startsWith(PREFIX));
    expect(ids(hits)[0]).toBe('kvarnbyverket');
    expect(hits[0]!.matchedOn).toMatchObject({ kind: 'words', field: 'nameEn' });
    expect(ids(hits).slice(1).sort()).toEqual(['kvarnbyverket-analys', 'kvarnbyverket-dg', 'kvarnbyverket-tillsyn']);
    // Asked for units only, the parts are all there is.
    expect(ids(await search('Norwegian Quernby authority', { labels: 'Unit' })).sort()).toEqual([
      'kvarnbyverket-analys',
      'kvarnbyverket-tillsyn',
    ]);
  });

  it('puts the organisation before the people who work there, though one has more ties', async () => {
    expect(ids(await search('Lindqvist')).slice(0, 2)).toEqual(['brakewater-lindqvist-foundation', 'signe-lindqvist']);
  });

  it('breaks a tie of match kind by degree before the full-text score', async () => {
    const hits = (await search('Ravensholt')).filter((h) => h.id.startsWith(PREFIX));
    expect(ids(hits)).toEqual(['ravensholt-regional-fund', 'ravensholt-fund']);
    expect(hits[0]!.score).toBeLessThan(hits[1]!.score);
  });

  it('finds an abbreviation exactly, in any case, and the entity before what begins with it', async () => {
    for (const q of ['KBV', 'kbv', 'KBV:s']) {
      const hits = await search(q);
      expect(ids(hits)[0], q).toBe('kvarnbyverket');
      expect(hits[0]!.matchedOn).toEqual({ kind: 'exact', field: 'alias', value: 'KBV' });
    }
  });

  it('finds near misses, the nearest first', async () => {
    const hits = await search('Quernbek');
    expect(ids(hits)[0]).toBe('torvald-quernbeck');
    expect(hits[0]!.matchedOn).toMatchObject({ kind: 'fuzzy', field: 'name' });
    expect(ids(await search('Kvarnbyvrket'))[0]).toBe('kvarnbyverket');
  });

  it('takes a country adjective for the country, in English and Swedish', async () => {
    for (const q of ['Norwegian Quernby', 'norsk Quernby', 'Quernby Norge']) expect(ids(await search(q))[0], q).toBe('kvarnbyverket');
  });
});

describe('search input is words, never Lucene syntax', () => {
  it.each([['"'], ['~'], ['\\'], ['*'], ['?'], ['('], ['*:*'], ['&&'], ['!'], [':'], ['/.*/']])('%j is no query at all', async (q) => {
    // As Lucene, "*:*" or "*" would match every node.
    expect(await search(q)).toEqual([]);
  });

  it.each([
    ['name:* OR', 'name'],
    ['[* TO *]', 'to'],
  ])('%j finds only names with a word that begins with %j', async (q, word) => {
    const hits = await search(q);
    for (const h of hits) expect(h.matchedOn.value, h.id).toMatch(new RegExp(`(^|[^a-z])${word}`, 'i'));
  });

  it.each([
    ['"Kvarnbyverket'],
    ['Kvarnbyverket~'],
    ['Kvarnbyverket\\'],
    ['Kvarnbyverket^'],
    ['(Kvarnbyverket'],
    ['Kvarnbyverket OR tornvik'],
    ['+Kvarnbyverket -tornvik'],
  ])('%j searches for the words in it', async (q) => {
    const found = ids(await search(q));
    expect(found[0]).toBe('kvarnbyverket');
    // No node holds both names, so each word may be missing (issue 20); the first word named
    // still leads: every Kvarnbyverket hit comes before Tornvik.
    if (found.includes('tornvik')) {
      const lastKvarnby = Math.max(...found.map((id, i) => (id.startsWith('kvarnbyverket') ? i : -1)));
      expect(found.indexOf('tornvik')).toBeGreaterThan(lastKvarnby);
    }
  });
});

describe('the full-text index', () => {
  it('folds diacritics and drops exactly the stop words the server drops from queries', async () => {
    const { rows } = await db.readText(
      `CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords
       WHERE analyzer = 'standard-folding' RETURN stopwords`,
      {},
      { rowLimit: 1 },
    );
    expect([...(rows[0]!.stopwords as string[])].sort()).toEqual([...INDEX_STOP_WORDS].sort());
    const { rows: indexes } = await db.readText(
      `SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_names' RETURN options`,
      {},
      { rowLimit: 1 },
    );
    expect((indexes[0]!.options as { indexConfig: Record<string, unknown> }).indexConfig['fulltext.analyzer']).toBe('standard-folding');
    expect(ids(await search('Hamnradet i Tornvik'))[0]).toBe('hamnradet-i-tornvik');
  });
});

describe('issue 14 examples on the seed', () => {
  it.each([
    ['Finnish ministry of social affairs', 'finland-ministry-social-affairs-health'],
    ['Finnish ministry', 'finland-ministry-social-affairs-health'],
    ['Swedish government', 'swedish-government'],
    ['Socialstyrelsens', 'socialstyrelsen'],
    ['Wigzel', 'olivia-wigzell'],
    ['Wigsell', 'olivia-wigzell'],
    ['MSB', 'msb'],
    ['SKR', 'skr'],
    ['socialst', 'socialstyrelsen'],
    ['Varldshalsoorganisationen', 'who'],
    ['Folkhalsomyndighetens', 'folkhalsomyndigheten'],
  ])('%s → %s first', async (q, id) => {
    expect((await search(q))[0]?.id).toBe(id);
  });

  it('lists the Finnish ministry before its units, posts and people', async () => {
    const hits = await search('Finnish ministry');
    const parts = ['finland-msah-departments', 'finland-unit-international-affairs', 'post-finland-msah-permanent-secretary'];
    for (const p of parts) expect(hits.findIndex((h) => h.id === p)).toBeGreaterThan(0);
  });
});

// These need the abbreviations that the seed-data part of issue 14 adds to seed/data (STM for the
// Finnish ministry, SoS for Socialstyrelsen, FHM for Folkhälsomyndigheten). They fail until then.
describe('issue 14 examples that need the added aliases (seed data)', () => {
  it.each([
    ['STM', 'finland-ministry-social-affairs-health'],
    ['SoS', 'socialstyrelsen'],
    ['FHM', 'folkhalsomyndigheten'],
  ])('%s → %s first, as an exact alias', async (q, id) => {
    const [first] = await search(q);
    expect(first?.id).toBe(id);
    expect(first?.matchedOn).toMatchObject({ kind: 'exact', field: 'alias' });
  });
});

// Issue 20: words that match nothing must not sink a hit that matches the rest.
describe('names with extra words', () => {
  it.each([
    ['WHO Europe', 'who'],
    ['Socialstyrelsen Sweden', 'socialstyrelsen'],
    ['Socialstyrelsen Stockholm agency', 'socialstyrelsen'],
    ['MSB krisberedskap', 'msb'],
    ['Tornvik harbour', 'searchfix-tornvik'],
  ])('%s → %s first', async (q, id) => {
    expect((await search(q))[0]?.id).toBe(id);
  });

  it('still prefers a name that holds every word: OECD health → the OECD Health Committee', async () => {
    expect(ids(await search('OECD health'))[0]).toBe('oecd-health-committee');
    expect(ids(await search('OECD hälsa budget'))[0]).toBe('oecd');
  });

  it('finds nothing when no word matches anything', async () => {
    expect(await search('qqxyzzy wwvvtt')).toEqual([]);
  });
});
