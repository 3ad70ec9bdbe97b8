// API results → Cytoscape elements: what the canvas draws from what the API says.
import { describe, expect, it } from 'vitest';
import type { EdgeData, GraphElements, NodeData } from '../../web/src/api/types.ts';
import { edgeCaption, holdersInOrder, mergeGraphs, shorten, shortName, toElements } from '../../web/src/graph/elements.ts';
import { formatSpan, validAt } from '../../web/src/graph/dates.ts';

const node = (id: string, extra: Partial<NodeData> = {}): NodeData => ({ id, label: 'Agency', name: id, ...extra });
const edge = (source: string, target: string, extra: Partial<EdgeData> = {}): EdgeData => ({
  id: `${extra.type ?? 'MEMBER_OF'}|${source}|${target}||||`,
  source,
  target,
  type: 'MEMBER_OF',
  ...extra,
});

describe('toElements', () => {
  it('puts nodes first, drops ties to missing nodes and repeats nothing', () => {
    const graph: GraphElements = {
      nodes: [
        { data: node('sweden', { label: 'Country', name: 'Sverige' }) },
        { data: node('who', { label: 'Organisation' }) },
        { data: node('who') },
      ],
      edges: [{ data: edge('sweden', 'who') }, { data: edge('sweden', 'who') }, { data: edge('sweden', 'nowhere') }],
    };
    const els = toElements(graph);
    expect(els.map((e) => e.group)).toEqual(['nodes', 'nodes', 'edges']);
    expect(els[0]!.data).toMatchObject({ id: 'sweden', label: 'Country', name: 'Sverige', display: 'Sverige' });
    expect(els[2]!.data).toMatchObject({ source: 'sweden', target: 'who', caption: 'member of' });
  });

  it('keeps every property and provenance the API sent', () => {
    const n = node('socialstyrelsen', {
      sources: ['001_1c1597dd7120e666.txt#L3-L5'],
      evidence: 'An agency under the ministry.',
      certainty: 'stated',
      title: 'x',
    });
    const [el] = toElements({ nodes: [{ data: n }], edges: [] });
    expect(el!.data).toMatchObject(n);
  });

  it('shortens long names on the canvas at a word boundary', () => {
    const long = 'Myndigheten för samhällsskydd och beredskap och mycket annat';
    const [el] = toElements({ nodes: [{ data: node('msb', { name: long }) }], edges: [] });
    expect(el!.data.display.length).toBeLessThanOrEqual(34);
    expect(el!.data.display).toMatch(/…$/);
    expect(long.startsWith(el!.data.display.slice(0, -1))).toBe(true);
    expect(shorten('short', 10)).toBe('short');
  });

  it('captions say what a tie means: forum, capacity, task, step and dates', () => {
    const nodes = new Map<string, NodeData>([
      ['who-executive-board', node('who-executive-board', { name: 'WHO:s styrelse', nameEn: 'WHO Executive Board', aliases: ['EB'] })],
    ]);
    const lookup = (id: string) => nodes.get(id);
    expect(
      edgeCaption(
        edge('olivia-wigzell', 'sweden', {
          type: 'REPRESENTS',
          forum: 'who-executive-board',
          capacity: 'government',
          validFrom: '2015',
          validTo: '2018',
        }),
        lookup,
      ),
    ).toBe('represents in EB (on behalf of the government) 2015–2018');
    expect(
      edgeCaption(edge('socialstyrelsen', 'socialstyrelsen', { type: 'REPRESENTS', forum: 'oecd', capacity: 'expert-authority' })),
    ).toBe('represents in oecd (as expert authority)');
    expect(
      edgeCaption(
        edge('swedish-government', 'socialstyrelsen', { type: 'MANDATES', task: 'appoint the chief officers', validFrom: '2023-06' }),
      ),
    ).toBe('mandates: appoint the chief officers since June 2023');
    expect(edgeCaption(edge('msb', 'socialstyrelsen', { type: 'FORWARDS_REQUESTS_TO', step: 3 }))).toBe('forwards requests to (step 3)');
    expect(edgeCaption(edge('olivia-wigzell', 'socialstyrelsen', { type: 'DIRECTS', role: 'director-general' }))).toBe(
      'directs (director-general)',
    );
  });

  it('names a thing by its shortest recognisable name', () => {
    expect(shortName({ name: 'Världshälsoorganisationen', nameEn: 'World Health Organization', aliases: ['WHO', 'W'] })).toBe('WHO');
    expect(shortName({ name: 'OECD' })).toBe('OECD');
    // Only an alias of the reader's language (English here) stands for the name.
    expect(shortName({ name: 'Förenta nationerna', nameEn: 'United Nations', aliases: ['FN', 'UN'] })).toBe('UN');
    const group = {
      name: 'organisationer som Socialstyrelsen främst arbetar genom',
      nameEn: 'Organisations Socialstyrelsen mainly works through',
    };
    expect(shortName({ ...group, aliases: ['främst genom organisationer'] })).toBe(group.nameEn);
  });

  it('merges results, the later copy winning', () => {
    const a: GraphElements = { nodes: [{ data: node('a', { name: 'old' }) }], edges: [] };
    const b: GraphElements = { nodes: [{ data: node('a', { name: 'new' }) }, { data: node('b') }], edges: [{ data: edge('a', 'b') }] };
    const m = mergeGraphs(a, b);
    expect(m.nodes.map((n) => n.data.name)).toEqual(['new', 'b']);
    expect(m.edges).toHaveLength(1);
  });
});

describe('posts as offices', () => {
  it('lists a post’s holders earliest first, those who left before the current one, undated last', () => {
    const post = 'post-sweden-chief-medical-officer';
    const held = (who: string, validFrom?: string, validTo?: string) =>
      edge(who, post, { id: `HOLDS_POST|${who}`, type: 'HOLDS_POST', validFrom, validTo });
    const order = holdersInOrder(post, [
      held('undated'),
      held('thomas-linden', '2019'),
      held('olivia-wigzell', '2015', '2018'),
      held('earlier', '2015-01', '2015-12'),
      edge('socialstyrelsen', post, { type: 'APPOINTS' }),
      edge('someone', 'another-post', { type: 'HOLDS_POST', validFrom: '2000' }),
    ]).map((e) => e.source);
    expect(order).toEqual(['earlier', 'olivia-wigzell', 'thomas-linden', 'undated']);
  });
});

describe('partial dates', () => {
  it('a tie valid 2015–2018 is valid as of 2016 and 2016-05-01, not as of 2020', () => {
    expect(validAt('2015', '2018', '2016')).toBe(true);
    expect(validAt('2015', '2018', '2016-05-01')).toBe(true);
    expect(validAt('2015', '2018', '2020')).toBe(false);
    expect(validAt('2015', '2018', '2014-12')).toBe(false);
  });

  it('an "as of" year sees a tie that began within it, and open ends are open', () => {
    expect(validAt('2023-06', undefined, '2023')).toBe(true);
    expect(validAt('2023-06', undefined, '2023-05')).toBe(false);
    expect(validAt(undefined, '2005', '2005-12-31')).toBe(true);
    expect(validAt(undefined, undefined, '1900')).toBe(true);
    expect(validAt('2015', '2018', null)).toBe(true);
    // February in a leap year ends on the 29th.
    expect(validAt(undefined, '2024-02', '2024-02-29')).toBe(true);
  });

  it('writes spans for people', () => {
    expect(formatSpan('2015', '2018')).toBe('2015–2018');
    expect(formatSpan('2019', undefined)).toBe('since 2019');
    expect(formatSpan(undefined, '2005')).toBe('until 2005');
    expect(formatSpan(undefined, undefined)).toBe('');
  });
});
