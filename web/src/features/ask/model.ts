// What a reading means for the page, as pure functions: its chips in words, and the bus events
// that open the same answer the tool's form gives (features/<tool>/panel.ts emit the same).
import type { AskReading } from '../../../../server/api/routes/ask.ts';
import type { AppEvents } from '../../events.ts';
import type { Catalogue } from '../../i18n/en.ts';

export type { AskAnswerBody, AskReading } from '../../../../server/api/routes/ask.ts';

export interface Chip {
  /** The role in words ("principal"), or null for the kind of question. */
  role: string | null;
  text: string;
  /** The node a chip names, when it names one. */
  id?: string;
  roleKey?: string;
}

type Strings = Catalogue['ask'];

function dateText(r: AskReading, s: Strings, date: (d: string) => string): Chip {
  const d = r.date;
  if (!d) return { role: s.asOf, text: s.none };
  if (d.kind === 'at') return { role: s.asOf, text: date(d.date) };
  if (d.kind === 'since') return { role: s.since, text: date(d.date) };
  return { role: s.between, text: s.period(date(d.from), date(d.to)) };
}

/** "Representation · principal: Sweden · forum: WHO · as of: –" as chips, in the order a sentence names them. */
export function readingChips(
  r: AskReading,
  s: Strings,
  date: (d: string) => string,
  name: (e: AskReading['entities'][number]) => string,
): Chip[] {
  const chips: Chip[] = [{ role: null, text: s.kinds[r.kind] }];
  if (r.kind === 'cannot') return chips;
  const order = ['agent', 'principal', 'forum', 'subject', 'from', 'to', 'a', 'b'];
  const entities = [...r.entities].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  for (const e of entities)
    chips.push({ role: s.roles[e.role as keyof Strings['roles']] ?? e.role, text: name(e), id: e.id, roleKey: e.role });
  chips.push(dateText(r, s, date));
  return chips;
}

export const chipsText = (chips: Chip[]) => chips.map((c) => (c.role ? `${c.role}: ${c.text}` : c.text)).join(' · ');

type Emit = { [K in keyof AppEvents]: { name: K; payload: AppEvents[K] } }[keyof AppEvents];

/**
 * The events that open a reading's answer: the date first (as of, or the period's end), then
 * the tool's own question. Null for a reading with nothing to open.
 */
export function readingEvents(r: AskReading): Emit[] | null {
  if (r.kind === 'cannot') return null;
  const id = (role: string) => r.entities.find((e) => e.role === role)?.id ?? null;
  const asOf = r.date?.kind === 'at' ? r.date.date : r.date?.kind === 'between' ? r.date.to : null;
  const date: Emit[] = r.kind === 'changed' ? [] : [{ name: 'view:act', payload: { type: 'setAsOf', asOf } }];
  switch (r.kind) {
    case 'representation':
      return [
        ...date,
        { name: 'representation:show', payload: { agent: id('agent'), principal: id('principal'), forum: id('forum'), capacity: null } },
      ];
    case 'chain-up':
    case 'chain-down':
      return [...date, { name: 'chain:trace', payload: { id: id('subject')!, direction: r.kind === 'chain-up' ? 'up' : 'down' } }];
    case 'route':
      return [...date, { name: 'paths:find', payload: { from: id('from')!, to: id('to')!, directed: r.directed ?? false, types: [] } }];
    case 'shared':
      return [...date, { name: 'common:find', payload: { a: id('a')!, b: id('b')! } }];
    case 'ties':
      // No tool answers this: the question asked before must not stay in focus over it.
      return [
        ...date,
        { name: 'view:act', payload: { type: 'setFocus', focus: null } },
        { name: 'node:show', payload: { id: id('subject')! } },
        { name: 'node:expand', payload: { id: id('subject')! } },
      ];
    case 'changed':
      return [{ name: 'panel:open', payload: { panel: 'changes' } }];
  }
}

/** The event that puts a chip's node into its tool's form, where it can be changed. */
export function chipEdit(r: AskReading, chip: Chip): Emit | null {
  if (!chip.id || !chip.roleKey) return null;
  const node = { id: chip.id, name: chip.text };
  if (r.kind === 'representation' && (chip.roleKey === 'agent' || chip.roleKey === 'principal' || chip.roleKey === 'forum'))
    return { name: 'representation:prefill', payload: { role: chip.roleKey, node } };
  if (r.kind === 'route') return { name: 'paths:prefill', payload: chip.roleKey === 'from' ? { from: node } : { to: node } };
  if (r.kind === 'shared') return { name: 'common:prefill', payload: chip.roleKey === 'a' ? { a: node } : { b: node } };
  return { name: 'node:show', payload: { id: chip.id } };
}

/** The tool panel a reading's chips open for changing it. */
export function panelOf(r: AskReading): AppEvents['panel:open']['panel'] | null {
  if (r.kind === 'representation') return 'representation';
  if (r.kind === 'route') return 'paths';
  if (r.kind === 'shared') return 'common';
  return null;
}
