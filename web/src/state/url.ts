// The view state in the URL's fragment and back, as pure functions. The fragment never
// reaches the server, so a long view (hundreds of node ids and positions) cannot trip a
// header limit, and opening a link costs no extra request.
//
//   #n=socialstyrelsen,who&hide=Person,MEMBER_OF&asOf=2016&layout=force&root=who
//    &sel=who&focus=chain:post-x:up&pos=who:10:-40,socialstyrelsen:0:0&r=webgl&rec=12
import type { NodeLabel, RelationshipType } from '../api/types.ts';
import { isLabel, isType, NODE_ID } from '../vocabulary.ts';
import { EMPTY_VIEW, LAYOUTS, type Focus, type LayoutName, type Position, type ViewState } from './view-state.ts';

/** Past this many nodes a link leaves positions out and the layout is run again on opening. */
export const MAX_POSITIONS_IN_URL = 600;

export type DateProblem =
  { kind: 'format' } | { kind: 'month'; month: string } | { kind: 'day'; day: string; days: number; year: number; month: number };

/** Why `s` is not a year, month or day that exists (2016-02-30 and 2016-13 do not), or null. */
export function dateProblem(s: string): DateProblem | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return { kind: 'format' };
  const [, y, mo, d] = m;
  if (mo === undefined) return null;
  const month = Number(mo);
  if (month < 1 || month > 12) return { kind: 'month', month: mo };
  if (d === undefined) return null;
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  const day = Number(d);
  return day < 1 || day > days ? { kind: 'day', day: d, days, year: Number(y), month } : null;
}

export function isPartialDate(s: string): boolean {
  return dateProblem(s) === null;
}

function encodeFocus(f: Focus): string {
  switch (f.kind) {
    case 'chain':
      return `chain:${f.id}:${f.direction}`;
    case 'paths':
      return `paths:${f.from}:${f.to}:${f.directed ? 1 : 0}:${f.index}:${f.types.join('+')}`;
    case 'representation':
      return `rep:${f.agent ?? ''}:${f.principal ?? ''}:${f.forum ?? ''}:${f.capacity ?? ''}`;
    case 'common':
      return `common:${f.a}:${f.b}`;
  }
}

function decodeFocus(s: string): Focus | null {
  const [kind, ...p] = s.split(':');
  const id = (v: string | undefined) => (v && NODE_ID.test(v) ? v : null);
  if (kind === 'chain' && id(p[0]) && (p[1] === 'up' || p[1] === 'down')) return { kind: 'chain', id: p[0]!, direction: p[1] };
  if (kind === 'paths' && id(p[0]) && id(p[1])) {
    const types = (p[4] ?? '').split('+').filter(isType);
    return { kind: 'paths', from: p[0]!, to: p[1]!, directed: p[2] === '1', index: Math.max(0, Number(p[3]) || 0), types };
  }
  if (kind === 'common' && id(p[0]) && id(p[1])) return { kind: 'common', a: p[0]!, b: p[1]! };
  if (kind === 'rep') {
    const capacity = p[3] && /^[a-z-]+$/.test(p[3]) ? p[3] : null;
    return { kind: 'representation', agent: id(p[0]), principal: id(p[1]), forum: id(p[2]), capacity };
  }
  return null;
}

const list = (items: readonly string[]) => items.map(encodeURIComponent).join(',');

export function encodeView(state: ViewState): string {
  const parts: string[] = [`n=${list(state.nodes)}`];
  const hidden = [...state.hiddenLabels, ...state.hiddenTypes];
  if (hidden.length) parts.push(`hide=${list(hidden)}`);
  if (state.asOf) parts.push(`asOf=${state.asOf}`);
  parts.push(`layout=${state.layout}`);
  if (state.layoutRoot) parts.push(`root=${state.layoutRoot}`);
  if (state.selected.length) parts.push(`sel=${list(state.selected)}`);
  if (state.focus) parts.push(`focus=${encodeURIComponent(encodeFocus(state.focus))}`);
  if (state.nodes.length <= MAX_POSITIONS_IN_URL) {
    const pos = state.nodes.flatMap((id) => {
      const p = state.positions[id];
      return p ? [`${id}:${Math.round(p.x)}:${Math.round(p.y)}`] : [];
    });
    if (pos.length) parts.push(`pos=${pos.join(',')}`);
  }
  if (state.webgl) parts.push('r=webgl');
  if (state.view === 'table') parts.push('v=table');
  if (state.statedOnly) parts.push('c=stated');
  if (state.recordedAt) parts.push(`rec=${encodeURIComponent(state.recordedAt)}`);
  return `#${parts.join('&')}`;
}

export interface DecodedView {
  state: ViewState;
  /** What in the link could not be read, for a short notice. */
  problems: string[];
}

/** null when the fragment holds no view (a fresh visit). */
export function decodeView(hash: string): DecodedView | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return null;
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  if (!params.has('n')) return null;
  const problems: string[] = [];
  const items = (key: string): string[] =>
    (params.get(key) ?? '')
      .split(',')
      .filter(Boolean)
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          problems.push(`${key}: "${s}" is not valid URL encoding`);
          return '';
        }
      })
      .filter(Boolean);

  const nodes = items('n').filter((id) => {
    if (NODE_ID.test(id)) return true;
    problems.push(`n: "${id}" is not a node id`);
    return false;
  });
  const hiddenLabels: NodeLabel[] = [];
  const hiddenTypes: RelationshipType[] = [];
  for (const h of items('hide')) {
    if (isLabel(h)) hiddenLabels.push(h);
    else if (isType(h)) hiddenTypes.push(h);
    else problems.push(`hide: unknown label or relationship type "${h}"`);
  }
  let asOf = params.get('asOf') ?? null;
  if (asOf !== null && !isPartialDate(asOf)) {
    problems.push(`asOf: "${asOf}" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
    asOf = null;
  }
  const recText = params.has('rec') ? safeDecode(params.get('rec')!) : null;
  const recordedAt = recText === null ? null : normaliseRecordedAt(recText);
  if (params.has('rec') && !recordedAt) problems.push(`rec: "${params.get('rec')}" is not a version number or a moment`);
  const layoutParam = params.get('layout');
  const layout: LayoutName = LAYOUTS.includes(layoutParam as LayoutName) ? (layoutParam as LayoutName) : EMPTY_VIEW.layout;
  if (layoutParam && layout !== layoutParam) problems.push(`layout: unknown layout "${layoutParam}"`);
  const root = params.get('root') ?? null;
  const focusText = params.has('focus') ? safeDecode(params.get('focus')!) : null;
  const focus = focusText ? decodeFocus(focusText) : null;
  if (focusText && !focus) problems.push(`focus: cannot read "${focusText}"`);

  const positions: Record<string, Position> = {};
  for (const entry of (params.get('pos') ?? '').split(',').filter(Boolean)) {
    const [id, x, y] = entry.split(':');
    if (id && nodes.includes(id) && Number.isFinite(Number(x)) && Number.isFinite(Number(y)))
      positions[id] = { x: Number(x), y: Number(y) };
  }
  return {
    state: {
      nodes: [...new Set(nodes)],
      hiddenLabels,
      hiddenTypes,
      asOf,
      layout,
      layoutRoot: root && NODE_ID.test(root) && nodes.includes(root) ? root : null,
      selected: items('sel'),
      focus,
      positions,
      webgl: params.get('r') === 'webgl',
      view: params.get('v') === 'table' ? 'table' : 'graph',
      statedOnly: params.get('c') === 'stated',
      recordedAt,
    },
    problems,
  };
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * A version number ("12"), a day ("2026-11-30") or a moment ("2026-11-30T12:00", read in the
 * reader's time zone when it has none) as the API's recordedAt; null when it is none of these.
 */
export function normaliseRecordedAt(text: string): string | null {
  const s = text.trim();
  if (/^\d{1,9}$/.test(s)) return String(Number(s));
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return dateProblem(s) === null ? s : null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(s);
  if (!m || dateProblem(m[1]!) !== null) return null;
  const at = new Date(m[3] ? `${m[1]}T${m[2]}${m[3]}` : `${m[1]}T${m[2]}`);
  if (Number.isNaN(at.getTime())) return null;
  // Seconds, no milliseconds: the form the API's pattern takes, and short in a link.
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
