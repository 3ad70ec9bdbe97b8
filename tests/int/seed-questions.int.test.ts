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
  basisRef?: string;
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

  it('the Chief Midwifery Officer post is set up by Socialstyrelsen on the ministry’s June 2023 assignment', async () => {
    const incoming = await ties('post-sweden-chief-midwifery-officer', { direction: 'in' });
    const established = incoming.find((e) => e.type === 'ESTABLISHES');
    expect(established?.source).toBe('socialstyrelsen');
    // 003 dates the assignment, not the setting up: the act carries no date and names its basis.
    expect(established?.validFrom).toBeUndefined();
    expect(established?.basisRef).toBe('mandates-socialdepartementet-socialstyrelsen-chief-midwifery-officer');
    const assignments = await ties('socialstyrelsen', { direction: 'in', types: 'MANDATES' });
    const basis = assignments.find((e) => e.source === 'socialdepartementet');
    expect(basis?.validFrom).toBe('2023-06');
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

describe('certainty and time as the sources give them', () => {
  it('keeps the hedge on the WHO delegation and says what an inference rests on', async () => {
    const out = (await ties('post-socialstyrelsen-director-general', { direction: 'out' })) as Array<Edge & Record<string, unknown>>;
    const lead = out.find((e) => e.type === 'LEADS_DELEGATION' && e.target === 'who');
    expect(lead).toMatchObject({ certainty: 'hedged', hedge: 'enligt praxis … vanligen (by custom … usually)', basisKind: 'not-stated' });
    const speaks = out.find((e) => e.type === 'REPRESENTS' && e.target === 'sweden');
    expect(speaks).toMatchObject({ certainty: 'inferred', inferredFrom: ['leads-delegation-post-socialstyrelsen-director-general-who'] });
  });

  it('dates an undated fact by the document that reports it: covid-19 purchasing is first attested in the 2024 chapter', async () => {
    const incoming = (await ties('socialstyrelsen', { direction: 'in', types: 'MANDATES' })) as Array<Edge & Record<string, unknown>>;
    const covid = incoming.find((e) => e.task?.includes('covid-19'));
    expect(covid).toMatchObject({ attested: '2024-10', certainty: 'inferred' });
    expect(covid?.validFrom).toBeUndefined();
    expect(String(covid?.outsideKnowledge)).toMatch(/^outside knowledge: /);
    const chiefOfficers = incoming.find((e) => e.task?.startsWith('appoint Sweden'));
    expect(chiefOfficers).toMatchObject({ attested: '2021', certainty: 'stated' });
  });
});
