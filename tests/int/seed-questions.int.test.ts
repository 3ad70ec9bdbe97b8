// The seed issue's questions, answered over HTTP from the loaded graph. Each expectation can be
// checked in the documents: 001 lines 16-20 (Olivia Wigzell's international posts), 50-66 (the
// four chief officers and who appoints them), 003 lines 147-157 (bilateral agreements),
// 003 lines 736-738 (the Chief Midwifery Officer), 000 (the Finnish ministry's forums).
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';

const { app, db } = testApp();
afterAll(() => db.close());

interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  validFrom?: string;
  validTo?: string;
  task?: string;
}

async function ties(id: string, query: Record<string, string>): Promise<Edge[]> {
  const res = await request(app)
    .get(`/api/nodes/${id}/neighborhood`)
    .query({ depth: '1', limit: '500', ...query });
  expect(res.status).toBe(200);
  return res.body.edges.map((e: { data: Edge }) => e.data);
}

describe("Sweden's chief officers: holders, and by whose mandate", () => {
  it.each([
    ['post-sweden-chief-medical-officer', 'thomas-linden'],
    ['post-sweden-chief-nurse-officer', 'charlotta-george'],
    ['post-sweden-chief-dental-officer', 'mariana-naslund-blixt'],
  ])('%s is held by %s and appointed by Socialstyrelsen on the government’s assignment', async (post, holder) => {
    const incoming = await ties(post, { direction: 'in' });
    expect(incoming.filter((e) => e.type === 'HOLDS_POST').map((e) => e.source)).toContain(holder);
    expect(incoming.filter((e) => e.type === 'APPOINTS').map((e) => e.source)).toEqual(['socialstyrelsen']);

    const chain = await request(app).get(`/api/nodes/${post}/mandate-chain`).query({ direction: 'up' });
    expect(chain.status).toBe(200);
    const hops: Array<{ relationship: Edge }> = chain.body.hops;
    const mandate = hops.find(
      (h) =>
        h.relationship.type === 'MANDATES' && h.relationship.source === 'swedish-government' && /appoint/i.test(h.relationship.task ?? ''),
    );
    expect(mandate, 'the government’s assignment to appoint the chief officers').toBeDefined();
  });

  it('the Chief Midwifery Officer post was set up by Socialstyrelsen in June 2023', async () => {
    const incoming = await ties('post-sweden-chief-midwifery-officer', { direction: 'in' });
    const established = incoming.find((e) => e.type === 'ESTABLISHES');
    expect(established?.source).toBe('socialstyrelsen');
    expect(established?.validFrom).toBe('2023-06');
  });
});

describe('Olivia Wigzell', () => {
  it('sat on WHO’s Executive Board 2015–2018 for Sweden and chaired OECD’s health committee 2017–2019', async () => {
    const out = await ties('olivia-wigzell', { direction: 'out' });
    const board = out.find((e) => e.type === 'PARTICIPATES_IN' && e.target === 'who-executive-board');
    expect([board?.validFrom, board?.validTo]).toEqual(['2015', '2018']);
    const chair = out.find((e) => e.type === 'CHAIRS' && e.target === 'oecd-health-committee');
    expect([chair?.validFrom, chair?.validTo]).toEqual(['2017', '2019']);
    const represents = out.find((e) => e.type === 'REPRESENTS' && e.target === 'sweden');
    expect([represents?.validFrom, represents?.validTo]).toEqual(['2015', '2018']);
  });
});

describe('the Finnish Ministry of Social Affairs and Health', () => {
  it('works in the global, European and Nordic forums the document lists', async () => {
    const out = await ties('finland-ministry-social-affairs-health', { direction: 'out', types: 'PARTICIPATES_IN,MEMBER_OF' });
    const forums = new Set(out.map((e) => e.target));
    for (const forum of ['who', 'un', 'ilo', 'oecd', 'european-union', 'council-of-europe', 'nordic-council-of-ministers', 'cbss', 'ndphs'])
      expect(forums).toContain(forum);
  });
});

describe("Socialstyrelsen's bilateral agreements", () => {
  it('have the periods the chapter gives', async () => {
    const out = await ties('socialstyrelsen', { direction: 'out', types: 'HAS_AGREEMENT_WITH' });
    const period = (country: string) => {
      const e = out.find((x) => x.target === country);
      return e ? [e.validFrom ?? null, e.validTo ?? null] : null;
    };
    expect(period('poland')).toEqual(['1975', '2005']);
    expect(period('hungary')).toEqual(['1978', '2003']);
    expect(period('czech-republic')).toEqual(['1994', '2004']);
    expect(period('slovakia')).toEqual(['1994', '2004']);
    expect(period('russia')).toEqual(['1995', null]);
  });
});
