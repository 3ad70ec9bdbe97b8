// A verb agrees with its subject's grammatical number, read from the English name's head noun,
// and a hedge about what has been the case keeps the source's perfect tense (001 L54).
import { describe, expect, it } from 'vitest';
import { agree, isPerfectHedge, isPluralName } from '../../server/graph/agreement.ts';

describe('grammatical number of a name', () => {
  it.each([
    ['Government Offices of Sweden', true],
    ['Swedish regions (collectively)', true],
    ['Departments of the Finnish Ministry of Social Affairs and Health', true],
    ['Baltic states', true],
    ['Ministry of Health and Social Affairs (Sweden)', false],
    ['United Nations', false],
    ['WHO', false],
    ['Nordic Council of Ministers', false],
    ['World Health Organization', false],
  ])('%s: plural %s', (name, plural) => expect(isPluralName(name)).toBe(plural));

  it('a person or a document is one, whatever its name ends in', () => {
    expect(isPluralName('Mats Andersson', 'Person')).toBe(false);
    expect(isPluralName('National guidelines on dementia (2010)', 'Document')).toBe(false);
  });
});

describe('the finite verb', () => {
  it('agrees with a plural subject in English', () => {
    expect(agree('answers to the Government of Sweden', 'en', { plural: true })).toBe('answer to the Government of Sweden');
    expect(agree('is part of Sweden', 'en', { plural: true })).toBe('are part of Sweden');
    expect(agree('is a member of WHO', 'en', { plural: true })).toBe('are members of WHO');
    expect(agree('takes part in WHO', 'en', { plural: true })).toBe('take part in WHO');
    expect(agree('set up the post', 'en', { plural: true })).toBe('set up the post');
    expect(agree('answers to the Government', 'en', {})).toBe('answers to the Government');
  });

  it('takes the perfect after a hedge about what has been the case, in both languages', () => {
    expect(isPerfectHedge('traditionally')).toBe(true);
    expect(isPerfectHedge('traditionellt')).toBe(true);
    expect(isPerfectHedge('in some cases')).toBe(false);
    expect(agree('is the Chief Medical Officer of Sweden', 'en', { perfect: true })).toBe('has been the Chief Medical Officer of Sweden');
    expect(agree('leads a delegation to WHO', 'en', { perfect: true, plural: true })).toBe('have led a delegation to WHO');
    expect(agree('är Sveriges chefsläkare', 'sv', { perfect: true })).toBe('har varit Sveriges chefsläkare');
    expect(agree('lyder under Regeringen', 'sv', { plural: true })).toBe('lyder under Regeringen');
  });
});
