// Export file names that say what they hold: the question (or "view"), its subject, the
// as-of date, e.g. mandate-explorer-chain-socialstyrelsen-2016.graphml. Never "selection"
// for a whole view.
import type { ViewState } from './view-state.ts';

interface Names {
  nodes: ReadonlyMap<string, { name: string; nameOriginal?: unknown }>;
}

/** ASCII kebab-case of a name: "Socialstyrelsen" → "socialstyrelsen", "Världshälsoorganisationen" → "varldshalsoorganisationen". */
export function slug(text: string, max = 40): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '') || 'view';
}

export function exportStem(state: ViewState, cache: Names, scope: 'view' | 'selection' | 'table'): string {
  // Node ids are already readable kebab-case and do not change with the language.
  const id = (x: string | null) => x ?? '';
  const f = state.focus;
  let what: string[];
  if (scope === 'selection') {
    const sel = state.selected.filter((x) => cache.nodes.has(x));
    what = ['selection', ...(sel.length === 1 ? [id(sel[0]!)] : [`${state.selected.length}-elements`])];
  } else if (f?.kind === 'chain') what = ['chain', f.direction === 'down' ? 'below' : '', f.id];
  else if (f?.kind === 'paths') what = ['paths', f.from, 'to', f.to];
  else if (f?.kind === 'common') what = ['shared', f.a, f.b];
  else if (f?.kind === 'representation') what = ['representation', id(f.principal), id(f.forum), id(f.agent)];
  else what = [scope === 'table' ? 'table' : 'view', `${state.nodes.length}-nodes`];
  if (scope === 'table' && f) what.unshift('table');
  const parts = ['mandate-explorer', ...what.filter(Boolean).map((p) => slug(p)), ...(state.asOf ? [state.asOf] : [])];
  return parts.join('-');
}
