// The words → Lucene step and the match kinds, without a database: what reaches the full-text
// index can never be Lucene syntax the user wrote, and a query word matches a name's word in the
// forms docs/search.md promises.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, luceneQuery } from '../../server/graph/search.ts';
import { contentWords } from '../../server/graph/search-text.ts';

// Only our own operators around folded letters and digits: required groups of alternatives, each a
// term with a boost, a prefix with a boost, or a fuzzy term with an edit count.
const TERM = String.raw`[\p{L}\p{N}]+(\^\d|\*\^\d|~\d)`;
const GROUP = String.raw`\+\(${TERM}( OR ${TERM})*\)`;
const SAFE = new RegExp(`^${GROUP}( ${GROUP})*$`, 'u');

describe('luceneQuery', () => {
  it.each([
    ['name:* OR'],
    ['"'],
    ['~'],
    ['\\'],
    ['*:*'],
    ['WHO) AND (x:y~ "'],
    ['a [1 TO 9] {x}'],
    ['foo^99 bar~0.1 /re.ex/'],
    ['&& || ! -x +y'],
  ])('keeps Lucene syntax in %j out of the query', (input) => {
    const q = luceneQuery(input);
    if (q !== null) expect(q).toMatch(SAFE);
  });

  it('never lets any input through as Lucene syntax', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        const q = luceneQuery(input);
        return q === null || SAFE.test(q);
      }),
      { numRuns: 500 },
    );
    // A loaded machine may need longer than vitest's default for 500 inputs.
  }, 60_000);

  it('gives nothing to search for punctuation alone', () => {
    expect(luceneQuery('"')).toBeNull();
    expect(luceneQuery('~ \\ * ?')).toBeNull();
  });

  it('folds prefixes and near misses as the index folds its terms', () => {
    // Prefix and fuzzy terms bypass the analyzer, so "Östersjö" must arrive as "ostersjo".
    expect(luceneQuery('Östersjö')).toContain('ostersjo*');
    expect(luceneQuery('Ærø Łódź')).toBe(luceneQuery('aero lodz'));
  });

  it('asks for the uninflected form, the country and the near miss of each word', () => {
    const q = luceneQuery('Finnish socialstyrelsens')!;
    expect(q).toContain('finland^3');
    expect(q).toContain(' socialstyrelsen^2');
    expect(q).toContain('socialstyrelsens~2');
    expect(luceneQuery('kommunernas')).toContain(' kommuner^2');
    expect(luceneQuery('regering sverige')).toContain(' regeringen^2');
    expect(luceneQuery('ministries')).toContain(' ministry^2');
    // Abbreviations are matched as typed, never as near misses of other abbreviations.
    expect(luceneQuery('SoS')).not.toContain('~');
  });

  it('drops the stop words the index drops, and the genitive after an abbreviation', () => {
    expect(contentWords('Ministry of Social Affairs and Health')).toEqual(['ministry', 'social', 'affairs', 'health']);
    expect(contentWords('MSB:s uppdrag')).toEqual(['msb', 'uppdrag']);
    expect(contentWords("Finland's ministry")).toEqual(['finland', 'ministry']);
  });
});

describe('classify', () => {
  const node = (name: string, nameEn: string | null = null, aliases: string[] = [], id = 'x') => ({
    id,
    label: 'Agency' as const,
    name,
    nameEn,
    aliases,
    description: null,
  });
  const kind = (q: string, n: ReturnType<typeof node>) => classify(contentWords(q), n);

  it('tells exact, inflected, prefix, words and fuzzy matches apart', () => {
    expect(kind('socialstyrelsen', node('Socialstyrelsen'))).toMatchObject({ kind: 'exact', field: 'name' });
    expect(kind('sos', node('Socialstyrelsen', null, ['SoS']))).toMatchObject({ kind: 'exact', field: 'alias', value: 'SoS' });
    expect(kind('Socialstyrelsens', node('Socialstyrelsen'))).toMatchObject({ kind: 'inflected' });
    expect(kind('regeringens', node('Regeringen'))).toMatchObject({ kind: 'inflected' });
    expect(kind('Sveriges kommunernas', node('Svenska kommuner'))).toMatchObject({ kind: 'inflected' });
    expect(kind('socialst', node('Socialstyrelsen'))).toMatchObject({ kind: 'prefix' });
    expect(
      kind('Finnish ministry', node('Social- och hälsovårdsministeriet', 'Ministry of Social Affairs and Health (Finland)')),
    ).toMatchObject({
      kind: 'words',
      field: 'nameEn',
    });
    expect(kind('Wigsell', node('Olivia Wigzell'))).toMatchObject({ kind: 'fuzzy', field: 'name' });
  });

  it('counts an id only when it is typed in full', () => {
    expect(kind('olivia-wigzell', node('Olivia Wigzell', null, [], 'olivia-wigzell'))).toMatchObject({ kind: 'exact' });
    expect(kind('finland', node('Finlands EU-politik', null, [], 'finland-eu-policy'))).toMatchObject({ kind: 'prefix', field: 'name' });
    expect(kind('msah', node('ministeriets avdelningar', null, [], 'finland-msah-departments'))).toMatchObject({ kind: 'fuzzy' });
  });

  it('does not stem abbreviations into each other', () => {
    expect(kind('skrs', node('SKR')).kind).toBe('fuzzy');
  });
});
