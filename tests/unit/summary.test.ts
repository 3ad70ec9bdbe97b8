// The answers' sentences say no more than the facts, one fact per sentence, strongest first:
// hedges, scope, missing bases, inferences and missing dates survive into the sentence, in
// English and Swedish, with citations that name the document, never its file.
import { describe, expect, it } from 'vitest';
import { asOfSummary, assignmentName, factClause, factsSummary, hedgeWords, type Fact } from '../../server/graph/summary.ts';
import { citeRef, citeRefs, type DocumentInfo } from '../../server/graph/documents.ts';
import type { NodeData } from '../../server/graph/elements.ts';
import type { Ground } from '../../server/graph/grounds.ts';
import { machineWords } from '../helpers/report-text.ts';

const node = (id: string, label: string, name: string, nameEn?: string): NodeData => ({ id, label, name, ...(nameEn ? { nameEn } : {}) });
const board = node('socialstyrelsen', 'Agency', 'Socialstyrelsen', 'National Board of Health and Welfare');
const sweden = node('sweden', 'Country', 'Sverige', 'Sweden');
const who = node('who', 'Organisation', 'Världshälsoorganisationen', 'WHO');
const eb = node('who-executive-board', 'Organisation', 'WHO:s globala styrelse', 'WHO Executive Board');
const forums = node(
  'socialstyrelsen-main-forums',
  'Group',
  'organisationer som Socialstyrelsen främst arbetar genom',
  'Organisations Socialstyrelsen mainly works through',
);
const gov = node('swedish-government', 'Government', 'Regeringen', 'Swedish government');
const wigzell = node('olivia-wigzell', 'Person', 'Olivia Wigzell');

const docs = new Map<string, DocumentInfo>([
  [
    '001_1c1597dd7120e666.txt',
    {
      file: '001_1c1597dd7120e666.txt',
      shortTitle: 'Socialstyrelsen, Vårt internationella arbete',
      title: 'Vårt internationella arbete',
      publisher: 'Socialstyrelsen',
      written: '2021',
    },
  ],
]);

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

const groupFact = represents({
  certainty: 'hedged',
  hedge: 'i vissa fall (in some cases)',
  forum: forums,
  forumSize: 8,
  scope: 'some',
  member: who,
  basis: { kind: 'not-stated', ref: null, note: null, certainty: null },
});
const seat = represents({
  subject: wigzell,
  forum: eb,
  partOf: who,
  validFrom: '2015',
  validTo: '2018',
  sources: ['001_1c1597dd7120e666.txt#L18-L18'],
});

describe('answer sentences', () => {
  it('keeps the hedge and the scope of a collective statement, the group read as a phrase with its size', () => {
    const s = factsSummary([groupFact], 'en', { docs });
    expect(s.text).toBe(
      'In some cases, the National Board of Health and Welfare represents Sweden, speaking through its government, in some of the eight organisations Socialstyrelsen mainly works through, among them WHO (basis not stated) [Socialstyrelsen, Vårt internationella arbete (2021), l. 16].',
    );
    expect(s.citations).toEqual(['001_1c1597dd7120e666.txt#L16-L16']);
    expect(s.documents).toEqual([
      {
        file: '001_1c1597dd7120e666.txt',
        name: 'Socialstyrelsen, Vårt internationella arbete (2021)',
        title: 'Vårt internationella arbete',
        publisher: 'Socialstyrelsen',
        written: '2021',
      },
    ]);
    // Never the plain, stronger claim.
    expect(s.text).not.toMatch(/represents Sweden, speaking through its government, in WHO/);
  });

  it('says the same in Swedish with the source’s own hedge words, Swedish names and Swedish line numbers', () => {
    const s = factsSummary([groupFact], 'sv', { docs });
    expect(s.text).toBe(
      'I vissa fall företräder Socialstyrelsen Sverige, genom sin regering, i några av de åtta organisationer som Socialstyrelsen främst arbetar genom, bland dem Världshälsoorganisationen (grund ej angiven) [Socialstyrelsen, Vårt internationella arbete (2021), rad 16].',
    );
  });

  it('puts the stated, dated fact first, one fact per sentence, and says "speaking through its government" once', () => {
    const inferred = represents({ certainty: 'inferred', sources: ['001_1c1597dd7120e666.txt#L20-L20'] });
    const s = factsSummary([inferred, groupFact, seat], 'en', { docs });
    const sentences = s.text.split(/(?<=\]\.) /);
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toMatch(
      /^Olivia Wigzell represents Sweden, speaking through its government, in the WHO Executive Board \(part of WHO\)/,
    );
    expect(sentences[0]).toMatch(/2015–2018/);
    expect(sentences[1]).toMatch(/^In some cases/);
    expect(sentences[2]).toMatch(/inferred, not stated in the sources/);
    expect(s.text.match(/speaking through its government/g)).toHaveLength(1);
  });

  it('counts the rest in a sentence of its own, and never hides a fact stronger than one shown', () => {
    const weak = represents({ certainty: 'inferred' });
    const s = factsSummary([weak, weak, weak, seat], 'en', { max: 2, docs });
    expect(s.text).toMatch(/^Olivia Wigzell/);
    expect(s.text).toMatch(/ 2 more facts answer the question, listed below\.$/);
    expect(factsSummary([], 'sv').text).toBe('Inga fakta besvarar frågan.');
    // Swedish agrees in number with what is left: "det" for one, "de" for more.
    expect(factsSummary([weak, weak, seat], 'sv', { max: 2, docs }).text).toMatch(/ 1 faktum till besvarar frågan; det listas nedan\.$/);
    expect(factsSummary([weak, weak, weak, seat], 'sv', { max: 2, docs }).text).toMatch(
      / 2 fakta till besvarar frågan; de listas nedan\.$/,
    );
  });

  it('marks an inferred fact as inferred and names what it rests on in words, never by id', () => {
    const msb = node('msb', 'Agency', 'Myndigheten för samhällsskydd och beredskap', 'MSB');
    const grounds = new Map<string, Ground>([
      ['forwards-msb-socialstyrelsen', { kind: 'fact', subject: msb, type: 'FORWARDS_REQUESTS_TO', object: board }],
      ['socialstyrelsen-main-forums', { kind: 'node', node: forums }],
    ]);
    const fact: Fact = {
      subject: board,
      type: 'FORWARDS_REQUESTS_TO',
      object: who,
      certainty: 'inferred',
      hedge: null,
      inferredFrom: ['forwards-msb-socialstyrelsen', 'socialstyrelsen-main-forums', 'unknown-id'],
      grounds,
      sources: [],
    };
    const en = factClause(fact, 'en');
    expect(en).toBe(
      'the National Board of Health and Welfare forwards requests to WHO (inferred, not stated in the sources: rests on the fact that MSB forwards requests to the National Board of Health and Welfare and what the sources say about Organisations Socialstyrelsen mainly works through and another fact in the graph)',
    );
    expect(machineWords(en)).toEqual([]);
    // A fact it rests on reads as a clause ("att …" in Swedish), never as a bare sentence run on.
    const two: Fact = { ...fact, inferredFrom: ['forwards-msb-socialstyrelsen', 'forwards-msb-socialstyrelsen-2'] };
    two.grounds = new Map([
      ...grounds,
      ['forwards-msb-socialstyrelsen-2', { kind: 'fact', subject: board, type: 'COORDINATES', object: who }],
    ]);
    expect(factClause(two, 'en')).toMatch(
      /rests on the facts that MSB forwards requests to .* and that the National Board .* coordinates WHO\)$/,
    );
    expect(factClause(two, 'sv')).toMatch(
      /bygger på att Myndigheten för samhällsskydd och beredskap skickar förfrågningar vidare till Socialstyrelsen och att Socialstyrelsen samordnar Världshälsoorganisationen\)$/,
    );
  });

  it('quotes no English inside Swedish: outside knowledge and assignments without a Swedish form are named neutrally', () => {
    const part: Fact = {
      subject: gov,
      type: 'PART_OF',
      object: sweden,
      certainty: 'inferred',
      hedge: null,
      outsideKnowledge: 'outside knowledge: a government is part of its state',
      sources: [],
    };
    expect(factClause(part, 'sv')).toBe(
      'regeringen är en del av Sverige (slutsats, inte uttryckligen i källorna: bygger på kunskap utanför källorna)',
    );
    // Swedish writes "regeringen" in small letters inside a sentence and capitalises a sentence's start.
    expect(factsSummary([part], 'sv').text).toMatch(/^Regeringen är en del av Sverige/);
    expect(factClause(part, 'en')).toBe(
      'the Swedish government is part of Sweden (inferred, not stated in the sources: rests on outside knowledge: a government is part of its state)',
    );
    const mandate = {
      giver: gov,
      relationship: {
        id: 'k',
        source: gov.id,
        target: board.id,
        type: 'MANDATES',
        task: 'appoint the chief officers',
        subject: 'chief officers',
      },
    };
    const basis = { kind: 'mandate' as const, ref: 'm-1', note: null, certainty: 'stated' as const };
    expect(factClause(represents({ basis, basisMandate: mandate }), 'en')).toMatch(
      /\(on the assignment “chief officers” from the Swedish government\)$/,
    );
    expect(factClause(represents({ basis, basisMandate: mandate }), 'sv')).toMatch(/\(på uppdrag av regeringen\)$/);
    // A Swedish form, once the data has one, is quoted.
    const both = { ...mandate, relationship: { ...mandate.relationship, subjectSv: 'chefstjänstemännen' } };
    expect(factClause(represents({ basis, basisMandate: both }), 'sv')).toMatch(/\(på uppdrag av regeringen: ”chefstjänstemännen”\)$/);
    const gives: Fact = {
      subject: gov,
      type: 'MANDATES',
      object: board,
      certainty: 'stated',
      hedge: null,
      record: mandate.relationship,
      sources: [],
    };
    expect(factClause(gives, 'sv')).toBe('regeringen ger Socialstyrelsen ett uppdrag');
    expect(factClause(gives, 'en')).toBe(
      'the Swedish government gives the National Board of Health and Welfare the assignment “chief officers”',
    );
    expect(assignmentName({ task: 'a long task text', subject: 'short name' })).toBe('short name');
    expect(assignmentName({ task: 'a long task text' }, 'sv')).toBeNull();
  });

  it('says an undated fact’s dates are not given, with when it was first attested, and places dated ones', () => {
    const task: Fact = { subject: gov, type: 'MANDATES', object: board, certainty: 'stated', hedge: null, task: 'stockpile', sources: [] };
    expect(factClause({ ...task, timeStatus: 'undated', attested: '2024' }, 'en')).toMatch(/\(dates not given, first attested 2024\)$/);
    expect(factClause({ ...task, timeStatus: 'undated', attested: '2024' }, 'sv')).toMatch(
      /\(datum ej angivna, belagt första gången 2024\)$/,
    );
    expect(factClause({ ...task, validFrom: '2015', validTo: '2018' }, 'en')).toMatch(/\(2015–2018\)$/);
  });

  it('as of a date opens with the facts held then only, and counts the undated and the not valid apart', () => {
    const undated = represents({ timeStatus: 'undated', attested: '2024' });
    const s = asOfSummary([{ ...seat, timeStatus: 'valid' }], 5, 2, '2016', 'en', { docs });
    expect(s.text).toMatch(/^One fact held in 2016 by the dates the sources give\. Olivia Wigzell /);
    expect(s.text).toMatch(/5 facts have no dates given and are not counted as held then\. 2 facts did not hold in 2016\.$/);
    expect(s.text).not.toMatch(/National Board/);
    const none = asOfSummary([], 1, 0, '2016', 'sv', { docs });
    expect(none.text).toBe('Inget faktum här är daterat till 2016. Ett faktum saknar angivna datum och räknas inte som gällande då.');
    expect(none.citations).toEqual([]);
    void undated;
  });

  it('reads own-name participation as a capacity, without a principal', () => {
    const own = factClause(
      {
        subject: board,
        type: 'PARTICIPATES_IN',
        object: forums,
        forum: forums,
        forumSize: 8,
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
      'In other cases, the National Board of Health and Welfare takes part in some of the eight organisations Socialstyrelsen mainly works through, among them WHO in its own name, as an expert authority',
    );
  });

  it('keeps a hedge that has no gloss as it stands', () => {
    expect(hedgeWords('traditionellt', 'sv')).toBe('traditionellt');
    expect(hedgeWords('enligt praxis … vanligen (by custom … usually)', 'sv')).toBe('enligt praxis … vanligen');
    expect(hedgeWords('enligt praxis … vanligen (by custom … usually)', 'en')).toBe('by custom … usually');
  });

  it('cites a document by short title, year and lines; an unknown file is never named by its file name', () => {
    expect(citeRef('001_1c1597dd7120e666.txt#L18-L18', docs, 'en')).toBe('Socialstyrelsen, Vårt internationella arbete (2021), l. 18');
    expect(citeRef('001_1c1597dd7120e666.txt#L16-L20', docs, 'sv')).toBe('Socialstyrelsen, Vårt internationella arbete (2021), rad 16–20');
    expect(citeRefs(['001_1c1597dd7120e666.txt#L16-L16', '001_1c1597dd7120e666.txt#L20-L20'], docs, 'en')).toBe(
      'Socialstyrelsen, Vårt internationella arbete (2021), ll. 16, 20',
    );
    expect(citeRef('009_abc.txt#L1-L2', docs, 'en')).toBe('an unregistered document, ll. 1–2');
  });
});
