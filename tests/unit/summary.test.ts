// The one-sentence summaries say no more than the facts: hedges, scope, missing bases,
// inferences and missing dates survive into the sentence, in English and Swedish.
import { describe, expect, it } from 'vitest';
import { assignmentName, factClause, factsSentence, hedgeWords, shortCite, type Fact } from '../../server/graph/summary.ts';
import type { NodeData } from '../../server/graph/elements.ts';
import type { Ground } from '../../server/graph/grounds.ts';

const node = (id: string, label: string, name: string, nameEn?: string): NodeData => ({ id, label, name, ...(nameEn ? { nameEn } : {}) });
const board = node('socialstyrelsen', 'Agency', 'Socialstyrelsen', 'National Board of Health and Welfare');
const sweden = node('sweden', 'Country', 'Sverige', 'Sweden');
const who = node('who', 'Organisation', 'Världshälsoorganisationen', 'WHO');
const forums = node(
  'socialstyrelsen-main-forums',
  'Group',
  'Socialstyrelsens huvudsakliga forum',
  'the organisations Socialstyrelsen mainly works through',
);
const gov = node('swedish-government', 'Government', 'Regeringen', 'Swedish government');

const represents = (over: Partial<Fact> = {}): Fact => ({
  subject: board,
  type: 'REPRESENTS',
  object: sweden,
  capacity: 'government',
  certainty: 'stated',
  hedge: null,
  forum: who,
  sources: ['001_1c1597dd7120e666.txt#L16-L16'],
  ...over,
});

describe('summary sentences', () => {
  it('keeps the hedge and the scope of a collective statement, naming the member asked about', () => {
    const s = factsSentence(
      [
        represents({
          certainty: 'hedged',
          hedge: 'i vissa fall (in some cases)',
          forum: forums,
          scope: 'some',
          member: who,
          basis: { kind: 'not-stated', ref: null, note: null, certainty: null },
        }),
      ],
      'en',
    );
    expect(s.text).toBe(
      'In some cases, National Board of Health and Welfare represents Sweden (speaking through its government) in some of the organisations Socialstyrelsen mainly works through, including WHO (basis not stated) [001#L16].',
    );
    expect(s.citations).toEqual(['001_1c1597dd7120e666.txt#L16-L16']);
    // Never the plain, stronger claim.
    expect(s.text).not.toMatch(/represents Sweden \(speaking through its government\) in WHO/);
  });

  it('says the same in Swedish with the source’s own hedge words and Swedish names', () => {
    const s = factsSentence(
      [represents({ certainty: 'hedged', hedge: 'i vissa fall (in some cases)', forum: forums, scope: 'some', member: who })],
      'sv',
    );
    expect(s.text).toBe(
      'I vissa fall företräder Socialstyrelsen Sverige (genom sin regering) i några av Socialstyrelsens huvudsakliga forum, bland dem Världshälsoorganisationen [001#L16].',
    );
  });

  it('says "in each of" for a statement about every member', () => {
    expect(factClause(represents({ forum: forums, scope: 'each' }), 'en')).toMatch(/in each of the organisations/);
  });

  it('marks an inferred fact as inferred and names what it rests on in words, never by id', () => {
    const outside = factClause(
      {
        subject: gov,
        type: 'PART_OF',
        object: sweden,
        certainty: 'inferred',
        hedge: null,
        outsideKnowledge: 'outside knowledge: a government is part of its state',
        sources: [],
      },
      'en',
    );
    expect(outside).toBe(
      'Swedish government is part of Sweden (inferred, not stated in the source: rests on outside knowledge: a government is part of its state)',
    );
    const fromFacts = factClause(
      {
        subject: board,
        type: 'FORWARDS_REQUESTS_TO',
        object: who,
        certainty: 'inferred',
        hedge: null,
        inferredFrom: ['forwards-msb-socialstyrelsen'],
        sources: [],
      },
      'en',
    );
    // Not found in the answer or the graph: said as such, still without the id.
    expect(fromFacts).toMatch(/\(inferred, not stated in the source: rests on another fact in the graph\)$/);
    const msb = node('msb', 'Agency', 'Myndigheten för samhällsskydd och beredskap', 'MSB');
    const grounds = new Map<string, Ground>([
      ['forwards-msb-socialstyrelsen', { kind: 'fact', subject: msb, type: 'FORWARDS_REQUESTS_TO', object: board }],
      ['socialstyrelsen-main-forums', { kind: 'node', node: forums }],
    ]);
    const inWords = factClause(
      {
        subject: board,
        type: 'FORWARDS_REQUESTS_TO',
        object: who,
        certainty: 'inferred',
        hedge: null,
        inferredFrom: ['forwards-msb-socialstyrelsen', 'socialstyrelsen-main-forums'],
        grounds,
        sources: [],
      },
      'en',
    );
    expect(inWords).toBe(
      'National Board of Health and Welfare forwards requests to WHO (inferred, not stated in the source: rests on MSB forwards requests to National Board of Health and Welfare and what the sources say about the organisations Socialstyrelsen mainly works through)',
    );
    expect(inWords).not.toMatch(/forwards-msb|socialstyrelsen-main-forums/);
    const inSwedish = factClause(
      {
        subject: gov,
        type: 'PART_OF',
        object: sweden,
        certainty: 'inferred',
        hedge: null,
        outsideKnowledge: 'outside knowledge: a government is part of its state',
        inferredFrom: ['forwards-msb-socialstyrelsen'],
        grounds,
        sources: [],
      },
      'sv',
    );
    // Outside knowledge is English in the data: quoted and said to be English, names in Swedish.
    expect(inSwedish).toBe(
      'Regeringen är en del av Sverige (slutsats, inte uttryckligen i källan: bygger på kunskap utanför källan, på engelska: ”a government is part of its state” och Myndigheten för samhällsskydd och beredskap skickar förfrågningar vidare till Socialstyrelsen)',
    );
    expect(factClause({ subject: board, type: 'PART_OF', object: sweden, certainty: 'inferred', hedge: null, sources: [] }, 'sv')).toMatch(
      /slutsats, inte uttryckligen i källan/,
    );
  });

  it('says an undated fact’s dates are not given, with when it was first attested, and places dated ones', () => {
    const task = {
      subject: gov,
      type: 'MANDATES',
      object: board,
      certainty: 'stated' as const,
      hedge: null,
      task: 'donate medical supplies',
      sources: [],
    };
    expect(factClause({ ...task, timeStatus: 'undated', validTo: '2028', attested: '2024' }, 'en')).toBe(
      'Swedish government gives National Board of Health and Welfare the assignment “donate medical supplies” (dates not given — first attested 2024)',
    );
    expect(factClause({ ...task, timeStatus: 'undated', attested: '2024' }, 'sv')).toBe(
      'Regeringen ger Socialstyrelsen uppdraget ”donate medical supplies” (datum ej angivet — belagt första gången 2024)',
    );
    expect(factClause({ ...task, attested: '2024' }, 'en')).toMatch(/dates not given — first attested 2024/);
    expect(factClause({ ...task, timeStatus: 'valid', validFrom: '2015', validTo: '2018' }, 'en')).toMatch(/\(2015–2018\)$/);
    expect(factClause({ ...task, timeStatus: 'attested', attested: '2016' }, 'en')).not.toMatch(/dates not given/);
  });

  it('names the assignment a basis refers to, with its giver, or the treaty and its article', () => {
    const mandate = {
      giver: gov,
      relationship: { id: 'k', source: gov.id, target: board.id, type: 'MANDATES', task: 'appoint the chief officers' },
    };
    expect(
      factClause(represents({ basis: { kind: 'mandate', ref: 'm-1', note: null, certainty: 'stated' }, basisMandate: mandate }), 'en'),
    ).toMatch(/\(on Swedish government's assignment “appoint the chief officers”\)$/);
    expect(
      factClause(represents({ basis: { kind: 'mandate', ref: 'm-1', note: null, certainty: 'stated' }, basisMandate: mandate }), 'sv'),
    ).toMatch(/\(på uppdrag av Regeringen: ”appoint the chief officers”\)$/);
    // An assignment with a short subject is named by it, not by its whole task.
    const named = { ...mandate, relationship: { ...mandate.relationship, subject: 'chief officers' } };
    expect(
      factClause(represents({ basis: { kind: 'mandate', ref: 'm-1', note: null, certainty: 'stated' }, basisMandate: named }), 'en'),
    ).toMatch(/\(on Swedish government's assignment “chief officers”\)$/);
    expect(assignmentName({ task: 'a long task text', subject: 'short name' })).toBe('short name');
    expect(assignmentName({ task: 'a long task text' })).toBe('a long task text');
    expect(assignmentName({})).toBeNull();
    const treaty = node('ihr', 'Treaty', 'Internationella hälsoreglementet', 'International Health Regulations');
    expect(
      factClause(represents({ basis: { kind: 'treaty', ref: 'ihr', note: 'article 4', certainty: 'inferred' }, basisNode: treaty }), 'en'),
    ).toMatch(/\(under International Health Regulations \(article 4\)\)$/);
  });

  it('says once per sentence what every clause shares: the same dates, and (in Swedish) that quoted assignments are English', () => {
    const task = (name: string, line: number): Fact => ({
      subject: gov,
      type: 'MANDATES',
      object: board,
      certainty: 'stated',
      hedge: null,
      task: name,
      attested: '2024-10',
      sources: [`003_1f946c82219b01d6.txt#L${line}-L${line}`],
    });
    const facts = [task('national emergency stockpile', 950), task('international representation', 472)];
    expect(factsSentence(facts, 'en').text).toBe(
      'Swedish government gives National Board of Health and Welfare the assignment “national emergency stockpile” [003#L950]; Swedish government gives National Board of Health and Welfare the assignment “international representation” [003#L472] (all: dates not given — first attested 2024-10).',
    );
    expect(factsSentence(facts, 'sv').text).toBe(
      'Regeringen ger Socialstyrelsen uppdraget ”national emergency stockpile” [003#L950]; Regeringen ger Socialstyrelsen uppdraget ”international representation” [003#L472] (alla: datum ej angivet — belagt första gången 2024-10) (uppdragen inom citattecken finns bara på engelska).',
    );
    // Different dates stay with their clauses.
    const mixed = factsSentence([task('a', 1), { ...task('b', 2), attested: null, validFrom: '2023-06' }], 'en').text;
    expect(mixed).toMatch(/“a” \(dates not given — first attested 2024-10\) \[003#L1\]; .*“b” \(from 2023-06\) \[003#L2\]\.$/);
  });

  it('reads own-name participation as a capacity, without a principal', () => {
    const own = factClause(
      {
        subject: board,
        type: 'PARTICIPATES_IN',
        object: forums,
        forum: forums,
        scope: 'some',
        member: who,
        capacity: 'expert-authority',
        certainty: 'hedged',
        hedge: 'i andra fall (in other cases)',
        sources: [],
      },
      'en',
    );
    expect(own).toBe(
      'In other cases, National Board of Health and Welfare takes part in some of the organisations Socialstyrelsen mainly works through, including WHO in its own name, as an expert authority',
    );
    expect(own).not.toMatch(/represents/);
  });

  it('keeps a hedge that has no gloss as it stands, and cuts long answers with a count', () => {
    expect(hedgeWords('traditionellt', 'en')).toBe('traditionellt');
    expect(hedgeWords('enligt praxis … vanligen (by custom … usually)', 'sv')).toBe('enligt praxis … vanligen');
    const many = factsSentence([represents(), represents(), represents(), represents(), represents()], 'en', 3);
    expect(many.text).toMatch(/, and 2 more\.$/);
    expect(factsSentence([], 'sv').text).toBe('Inga fakta besvarar frågan.');
  });

  it('shortens citations in the sentence but keeps them whole in the list', () => {
    expect(shortCite('003_1f946c82219b01d6.txt#L854-L860')).toBe('003#L854-L860');
    expect(shortCite('001_1c1597dd7120e666.txt#L16-L16')).toBe('001#L16');
    expect(shortCite('odd-ref')).toBe('odd-ref');
  });
});
