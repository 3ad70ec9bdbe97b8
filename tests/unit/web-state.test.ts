// The view state: small actions, undo and redo, and the URL round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ViewStore } from '../../web/src/state/store.ts';
import { decodeView, encodeView, MAX_POSITIONS_IN_URL, normaliseRecordedAt } from '../../web/src/state/url.ts';
import { EMPTY_VIEW, reduce, type Focus, type ViewState } from '../../web/src/state/view-state.ts';
import { LABELS, TYPES } from '../../web/src/vocabulary.ts';

const view = (over: Partial<ViewState> = {}): ViewState => ({ ...EMPTY_VIEW, nodes: ['socialstyrelsen', 'who', 'sweden'], ...over });

describe('reduce', () => {
  it('adds nodes once and keeps the order they came in', () => {
    const s = reduce(view(), { type: 'addNodes', ids: ['who', 'oecd', 'oecd'] });
    expect(s.nodes).toEqual(['socialstyrelsen', 'who', 'sweden', 'oecd']);
    expect(reduce(s, { type: 'addNodes', ids: ['who'] })).toBe(s);
  });

  it('removing nodes takes their positions, selection, ties and focus with them', () => {
    const s = view({
      positions: { who: { x: 1, y: 2 }, sweden: { x: 3, y: 4 } },
      selected: ['who', 'MEMBER_OF|sweden|who||||', 'sweden'],
      focus: { kind: 'chain', id: 'who', direction: 'up' },
      layout: 'concentric',
      layoutRoot: 'who',
    });
    const r = reduce(s, { type: 'removeNodes', ids: ['who'] });
    expect(r.nodes).toEqual(['socialstyrelsen', 'sweden']);
    expect(r.positions).toEqual({ sweden: { x: 3, y: 4 } });
    expect(r.selected).toEqual(['sweden']);
    expect(r.focus).toBeNull();
    expect(r.layoutRoot).toBeNull();
  });

  it('replacing the canvas forgets positions so the new picture is laid out', () => {
    const focus: Focus = { kind: 'chain', id: 'post-sweden-chief-medical-officer', direction: 'up' };
    const r = reduce(view({ positions: { who: { x: 1, y: 1 } } }), {
      type: 'replaceNodes',
      ids: ['post-sweden-chief-medical-officer', 'socialstyrelsen'],
      focus,
      layout: 'hierarchy',
    });
    expect(r).toMatchObject({ nodes: ['post-sweden-chief-medical-officer', 'socialstyrelsen'], positions: {}, focus, layout: 'hierarchy' });
  });

  it('toggles filters and sets the as-of date', () => {
    let s = reduce(view(), { type: 'toggleLabel', label: 'Person' });
    s = reduce(s, { type: 'toggleType', relType: 'MEMBER_OF' });
    expect(s).toMatchObject({ hiddenLabels: ['Person'], hiddenTypes: ['MEMBER_OF'] });
    s = reduce(s, { type: 'toggleLabel', label: 'Person' });
    expect(s.hiddenLabels).toEqual([]);
    expect(reduce(s, { type: 'showAllFilters' })).toMatchObject({ hiddenLabels: [], hiddenTypes: [] });
    expect(reduce(s, { type: 'setAsOf', asOf: '2016' }).asOf).toBe('2016');
  });

  it('only keeps positions of nodes on the canvas', () => {
    const s = reduce(view(), { type: 'movePositions', positions: { who: { x: 5, y: 6 }, elsewhere: { x: 0, y: 0 } } });
    expect(s.positions).toEqual({ who: { x: 5, y: 6 } });
  });
});

describe('ViewStore', () => {
  it('undoes and redoes actions, and a new action clears what could be redone', () => {
    const store = new ViewStore(view());
    store.dispatch({ type: 'addNodes', ids: ['oecd'] });
    store.dispatch({ type: 'setAsOf', asOf: '2016' });
    expect(store.undo()).toBe(true);
    expect(store.state.asOf).toBeNull();
    expect(store.undo()).toBe(true);
    expect(store.state.nodes).not.toContain('oecd');
    expect(store.undo()).toBe(false);
    expect(store.redo()).toBe(true);
    expect(store.state.nodes).toContain('oecd');
    store.dispatch({ type: 'toggleLabel', label: 'Country' });
    expect(store.canRedo).toBe(false);
  });

  it('selection and placing new nodes amend the present instead of adding undo steps', () => {
    const store = new ViewStore(view());
    store.dispatch({ type: 'select', ids: ['who'] });
    store.dispatch({ type: 'movePositions', positions: { who: { x: 1, y: 1 } } }, { record: false });
    expect(store.canUndo).toBe(false);
    expect(store.state.selected).toEqual(['who']);
  });

  it('tells listeners the cause of each change', () => {
    const store = new ViewStore(view());
    const causes: string[] = [];
    store.subscribe((_s, _p, cause) => causes.push(cause));
    store.dispatch({ type: 'setAsOf', asOf: '2020' });
    store.undo();
    store.redo();
    store.load(view());
    expect(causes).toEqual(['action', 'undo', 'redo', 'load']);
  });
});

describe('the view in the URL', () => {
  const full: ViewState = {
    nodes: ['socialstyrelsen', 'who', 'olivia-wigzell'],
    hiddenLabels: ['Treaty'],
    hiddenTypes: ['MEMBER_OF'],
    asOf: '2016-05',
    layout: 'concentric',
    layoutRoot: 'who',
    // An edge id carries free text (a subject with a comma): it must survive the trip.
    selected: ['olivia-wigzell', 'MANDATES|swedish-government|socialstyrelsen|||2023-06|supplies, medicines & more'],
    focus: { kind: 'paths', from: 'ukraine', to: 'swedish-regions', directed: true, types: ['FORWARDS_REQUESTS_TO'], index: 2 },
    positions: { socialstyrelsen: { x: 10, y: -20 }, who: { x: 0, y: 0 }, 'olivia-wigzell': { x: -33, y: 12 } },
    webgl: true,
    view: 'table',
    statedOnly: true,
    recordedAt: '2026-11-30T12:00:00Z',
  };

  it('round-trips a whole view', () => {
    const hash = encodeView(full);
    expect(hash.startsWith('#n=socialstyrelsen,who,olivia-wigzell')).toBe(true);
    expect(decodeView(hash)).toEqual({ state: full, problems: [] });
  });

  it('round-trips each kind of question', () => {
    const focuses: Focus[] = [
      { kind: 'chain', id: 'post-sweden-chief-medical-officer', direction: 'up' },
      { kind: 'chain', id: 'swedish-government', direction: 'down' },
      { kind: 'representation', agent: null, principal: 'sweden', forum: 'who', capacity: 'expert-authority' },
      { kind: 'representation', agent: 'olivia-wigzell', principal: null, forum: null, capacity: null },
      { kind: 'paths', from: 'a', to: 'b', directed: false, types: [], index: 0 },
      { kind: 'common', a: 'finland-ministry-social-affairs-health', b: 'socialstyrelsen' },
    ];
    for (const focus of focuses) expect(decodeView(encodeView({ ...EMPTY_VIEW, nodes: ['a'], focus }))?.state.focus).toEqual(focus);
  });

  it('a fresh visit has no view; a bad link is read as far as it goes, with what was left out', () => {
    expect(decodeView('')).toBeNull();
    expect(decodeView('#')).toBeNull();
    expect(decodeView('#layout=force')).toBeNull();
    const decoded = decodeView(
      '#n=who,Not%20An%20Id,sweden&hide=Person,Bogus&asOf=2016-13&layout=spiral&focus=nonsense&pos=who:1:2,sweden:x:3',
    );
    expect(decoded!.state).toMatchObject({
      nodes: ['who', 'sweden'],
      hiddenLabels: ['Person'],
      asOf: null,
      layout: 'force',
      focus: null,
      positions: { who: { x: 1, y: 2 } },
    });
    expect(decoded!.problems.join('\n')).toMatch(/not a node id[\s\S]*Bogus[\s\S]*asOf[\s\S]*spiral[\s\S]*focus/);
  });

  it('leaves positions out of very large views to keep links short', () => {
    const nodes = Array.from({ length: MAX_POSITIONS_IN_URL + 1 }, (_, i) => `n${i}`);
    const positions = Object.fromEntries(nodes.map((id) => [id, { x: 1, y: 1 }]));
    expect(encodeView({ ...EMPTY_VIEW, nodes, positions })).not.toContain('pos=');
  });

  it('round-trips any state the reducer can make (property)', () => {
    const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
    const state = fc
      .record({
        nodes: fc.uniqueArray(id, { minLength: 1, maxLength: 12 }),
        hiddenLabels: fc.uniqueArray(fc.constantFrom(...LABELS), { maxLength: 4 }),
        hiddenTypes: fc.uniqueArray(fc.constantFrom(...TYPES), { maxLength: 4 }),
        asOf: fc.option(fc.constantFrom('1975', '2016', '2023-06', '2024-01-15'), { nil: null }),
        layout: fc.constantFrom('force' as const, 'hierarchy' as const, 'concentric' as const),
        selected: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
        webgl: fc.boolean(),
        view: fc.constantFrom('graph' as const, 'table' as const),
        statedOnly: fc.boolean(),
        recordedAt: fc.option(fc.constantFrom('0', '12', '2026-11-30', '2026-11-30T12:00:00Z'), { nil: null }),
        xs: fc.array(fc.integer({ min: -5000, max: 5000 }), { minLength: 24, maxLength: 24 }),
      })
      .map(({ xs, ...s }): ViewState => ({
        ...s,
        hiddenLabels: s.hiddenLabels,
        layoutRoot: s.nodes[0] ?? null,
        focus: null,
        positions: Object.fromEntries(s.nodes.map((n, i) => [n, { x: xs[i * 2]!, y: xs[i * 2 + 1]! }])),
      }));
    fc.assert(
      fc.property(state, (s) => {
        expect(decodeView(encodeView(s))?.state).toEqual(s);
      }),
    );
  });
});

describe('"as recorded at" in a link', () => {
  it('takes a version, a day or a moment, and says what it cannot read', () => {
    expect(normaliseRecordedAt(' 012 ')).toBe('12');
    expect(normaliseRecordedAt('2026-11-30')).toBe('2026-11-30');
    expect(normaliseRecordedAt('2026-11-30T12:00Z')).toBe('2026-11-30T12:00:00Z');
    expect(normaliseRecordedAt('2026-11-30T14:00:00+02:00')).toBe('2026-11-30T12:00:00Z');
    for (const bad of ['', 'v12', '2026-02-30', '2026-13-01T10:00Z', '-1', 'now']) expect(normaliseRecordedAt(bad)).toBeNull();
    const { state, problems } = decodeView('#n=who&rec=yesterday')!;
    expect(state.recordedAt).toBeNull();
    expect(problems).toEqual(['rec: "yesterday" is not a version number or a moment']);
  });

  it('is an undoable step of the view', () => {
    const s = reduce(EMPTY_VIEW, { type: 'setRecordedAt', recordedAt: '7' });
    expect(s.recordedAt).toBe('7');
    expect(reduce(s, { type: 'setRecordedAt', recordedAt: '7' })).toBe(s);
    expect(reduce(s, { type: 'setRecordedAt', recordedAt: null }).recordedAt).toBeNull();
  });
});
