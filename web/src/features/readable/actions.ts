// What the details panel and the table rows share: which role a node plays in "Who
// represents…", and the actions as one toolbar.
import type { NodeLabel } from '../../api/types.ts';
import { h } from '../../ui/dom.ts';
import { rovingToolbar } from './roving.ts';

/** A forum is asked about as a forum, a country or government as the one represented, anyone else as an agent. */
export function repRole(label: NodeLabel): 'agent' | 'principal' | 'forum' {
  if (label === 'Organisation' || label === 'Programme') return 'forum';
  if (label === 'Country' || label === 'Government') return 'principal';
  return 'agent';
}

/** Rows of buttons as one toolbar: one Tab stop, arrow keys inside. */
export function actionBar(label: string, ...rows: HTMLElement[]): HTMLElement {
  const bar = h('div', { class: 'action-bar' }, rows);
  rovingToolbar(bar, label);
  return bar;
}
