// The question box's pure part (web/src/features/ask/model.ts): a reading's chips in words, and
// the events that open the tool's own answer.
import { describe, expect, it } from 'vitest';
import { chipEdit, chipsText, readingChips, readingEvents, type AskReading } from '../../web/src/features/ask/model.ts';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';

const entity = (role: string, id: string, name: string, nameEn: string | null = null) => ({
  role,
  id,
  name,
  nameEn,
  label: 'Country',
  words: name,
});
const rep: AskReading = {
  kind: 'representation',
  entities: [
    entity('forum', 'who', 'Världshälsoorganisationen', 'World Health Organization'),
    entity('principal', 'sweden', 'Sverige', 'Sweden'),
  ],
  date: null,
};
const nameEn = (e: AskReading['entities'][number]) => e.nameEn ?? e.name;

describe('reading chips', () => {
  it('say the reading as the issue writes it, principal before forum, as of a dash', () => {
    expect(chipsText(readingChips(rep, en.ask, (d) => d, nameEn))).toBe(
      'Representation · principal: Sweden · forum: World Health Organization · as of: –',
    );
    expect(
      chipsText(
        readingChips(
          rep,
          sv.ask,
          (d) => d,
          (e) => e.name,
        ),
      ),
    ).toBe('Företrädande · huvudman: Sverige · forum: Världshälsoorganisationen · per: –');
  });

  it('say a period and a since', () => {
    const ties: AskReading = {
      kind: 'ties',
      entities: [entity('subject', 'socialstyrelsen', 'Socialstyrelsen')],
      date: { kind: 'between', from: '2015', to: '2018' },
    };
    expect(chipsText(readingChips(ties, sv.ask, (d) => d, nameEn))).toBe('Band · om: Socialstyrelsen · mellan: 2015 och 2018');
  });

  it('say only "cannot answer" for a question the data cannot answer', () => {
    const r: AskReading = { kind: 'cannot', reason: 'amount', words: ['how much'], entities: [], date: null };
    expect(chipsText(readingChips(r, en.ask, (d) => d, nameEn))).toBe('Cannot answer');
    expect(readingEvents(r)).toBeNull();
  });
});

describe('reading events', () => {
  it('open the representation answer as the form does, after clearing the date', () => {
    expect(readingEvents(rep)).toEqual([
      { name: 'view:act', payload: { type: 'setAsOf', asOf: null } },
      { name: 'representation:show', payload: { agent: null, principal: 'sweden', forum: 'who', capacity: null } },
    ]);
  });

  it("set the date before a node's ties, and the period's end for a period", () => {
    const at: AskReading = { kind: 'ties', entities: [entity('subject', 'msb', 'MSB')], date: { kind: 'at', date: '2016' } };
    expect(readingEvents(at)?.map((e) => e.name)).toEqual(['view:act', 'view:act', 'node:show', 'node:expand']);
    expect(readingEvents(at)?.[0]?.payload).toEqual({ type: 'setAsOf', asOf: '2016' });
    expect(readingEvents({ ...at, date: { kind: 'between', from: '2015', to: '2018' } })?.[0]?.payload).toEqual({
      type: 'setAsOf',
      asOf: '2018',
    });
  });

  it('trace a chain in the direction read, and a route in its direction', () => {
    const up: AskReading = { kind: 'chain-down', entities: [entity('subject', 'swedish-government', 'Regeringen')], date: null };
    expect(readingEvents(up)?.[1]).toEqual({ name: 'chain:trace', payload: { id: 'swedish-government', direction: 'down' } });
    const route: AskReading = {
      kind: 'route',
      entities: [entity('from', 'ukraine', 'Ukraina'), entity('to', 'swedish-regions', 'regionerna')],
      date: null,
      directed: true,
    };
    expect(readingEvents(route)?.[1]).toEqual({
      name: 'paths:find',
      payload: { from: 'ukraine', to: 'swedish-regions', directed: true, types: [] },
    });
  });

  it("put a chip's node into its role in the tool's form", () => {
    const chips = readingChips(rep, en.ask, (d) => d, nameEn);
    expect(chipEdit(rep, chips[2]!)).toEqual({
      name: 'representation:prefill',
      payload: { role: 'forum', node: { id: 'who', name: 'World Health Organization' } },
    });
    expect(chipEdit(rep, chips[0]!)).toBeNull();
  });
});
