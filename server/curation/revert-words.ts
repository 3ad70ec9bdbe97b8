// What a refused revert says: which later change stands in the way, who made it, when and
// what it did, in plain words without ids (the API's own language is English; the web app
// builds its sentences from the same pieces in the reader's language).
import { z } from '../zod.ts';
import { CHANGE_WHATS, fieldGroups, type ChangeWhat } from './change-groups.ts';
import type { OpRecord } from './log.ts';
import type { ChangeSetSummary } from './schemas.ts';
import { stateProperties, type ElementState, type TieState } from './state.ts';

export { CHANGE_WHATS, type ChangeWhat };

export interface LaterChange {
  id: string;
  version: number;
  author: string;
  at: string;
  kind: ChangeSetSummary['kind'];
  what: ChangeWhat[];
}

/** A refused revert's detail as programs and the web app read it (`details[]` of the 409). */
export const RevertConflictDetail = z
  .object({
    path: z.string(),
    message: z.string(),
    current: z.unknown().optional(),
    later: z.array(
      z.object({
        id: z.string(),
        version: z.number().int(),
        author: z.string(),
        at: z.string(),
        kind: z.string(),
        what: z.array(z.enum(CHANGE_WHATS)),
        you: z.boolean(),
      }),
    ),
    element: z.object({
      problem: z.enum(['changed', 'left-behind', 'end-retired']),
      kind: z.enum(['node', 'tie']),
      /** A node's name as the source gives it, and in English. */
      name: z.string().optional(),
      nameEn: z.string().optional(),
      /** A tie's ends by name, and in English. */
      between: z.tuple([z.string(), z.string()]).optional(),
      betweenEn: z.tuple([z.string(), z.string()]).optional(),
      tie: z
        .object({
          kind: z.literal('tie'),
          between: z.tuple([z.string(), z.string()]),
          betweenEn: z.tuple([z.string(), z.string()]).optional(),
        })
        .optional(),
    }),
  })
  .openapi('RevertConflictDetail');
export type RevertConflictDetail = z.infer<typeof RevertConflictDetail>;

export interface RevertConflict {
  kind: 'node' | 'tie';
  id: string;
  /** The element as now, or as last recorded when it is gone. */
  state: ElementState;
  /** changed: not as the change set left it; left-behind: a later tie on a node that would go; end-retired: a tie's end is gone. */
  problem: 'changed' | 'left-behind' | 'end-retired';
  /** For end-retired: the tie that cannot come back. */
  tie?: TieState;
  later: LaterChange[];
  current: unknown;
}

/** A state without what a write derives (rev, dates as Neo4j dates), keys sorted: equal states compare equal. */
export function canonicalState(state: ElementState | null | undefined): string {
  if (!state) return 'null';
  const clean = { ...state, properties: stateProperties(state.properties) };
  return JSON.stringify(clean, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function whatChanged(op: OpRecord): ChangeWhat[] {
  if (!op.before && op.after) return [op.action.startsWith('restore') ? 'restored' : 'added'];
  if (op.before && !op.after) return ['retired'];
  const before = ((op.before?.properties as Record<string, unknown> | undefined) ?? {}) as Record<string, unknown>;
  const after = ((op.after?.properties as Record<string, unknown> | undefined) ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => k !== 'key' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return fieldGroups(fields);
}

/** "Folkhälsomyndigheten", or "the tie between Folkhälsomyndigheten and Sida". */
export function elementName(state: ElementState, names: Map<string, string>): string {
  if ('from' in state) {
    const n = (id: string) => names.get(id) ?? 'an unnamed node';
    return `the tie between ${n(state.from)} and ${n(state.to)}`;
  }
  const name = state.properties.nameEn ?? state.properties.name;
  return typeof name === 'string' ? name : 'an unnamed node';
}

const WHAT_WORDS: Record<ChangeWhat, string> = {
  added: 'added',
  retired: 'retired',
  restored: 'brought back',
  dates: 'dates',
  certainty: 'certainty',
  sources: 'sources',
  name: 'name',
  basis: 'basis',
  details: 'details',
};

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export function shortDate(iso: string): string {
  const d = new Date(iso);
  const sameYear = d.getUTCFullYear() === new Date().getUTCFullYear();
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'UTC' });
}

/** "You changed this again in version 13." / "Ana changed its dates in version 13 on 3 Dec." */
export function laterSentence(l: LaterChange, me: string): string {
  const you = l.author === me;
  const who = you ? 'You' : l.author;
  const when = you ? `again in version ${l.version}` : `in version ${l.version} on ${shortDate(l.at)}`;
  if (l.kind === 'revert') return `${who} undid a change to it ${when}.`;
  const act = l.what.find((w) => w === 'added' || w === 'retired' || w === 'restored');
  if (act) return `${who} ${WHAT_WORDS[act]} it ${when}.`;
  const fields = l.what.filter((w) => w !== 'details').map((w) => WHAT_WORDS[w]);
  return `${who} changed ${fields.length ? `its ${list(fields)}` : 'this'} ${when}.`;
}

export function conflictSentence(c: RevertConflict, me: string, names: Map<string, string>): string {
  const name = elementName(c.state, names);
  const later = c.later.map((l) => laterSentence(l, me));
  if (c.problem === 'left-behind') {
    const by = c.later.find((l) => l.what.includes('added'));
    const who = by
      ? by.author === me
        ? `you added in version ${by.version}`
        : `${by.author} added in version ${by.version} on ${shortDate(by.at)}`
      : 'added later';
    return `${cap(name)}, which ${who}, would be left without one of its ends.`;
  }
  if (c.problem === 'end-retired') {
    const tie = c.tie ? elementName(c.tie, names) : 'a tie';
    const by = c.later.find((l) => l.what.includes('retired'));
    const who = by
      ? by.author === me
        ? ` (you retired it in version ${by.version})`
        : ` (${by.author} retired it in version ${by.version} on ${shortDate(by.at)})`
      : '';
    return `${cap(tie)} cannot come back: ${name} is retired${who}.`;
  }
  if (!later.length) return `${cap(name)} was changed outside the change log, so it cannot be undone here.`;
  return `${cap(name)} was changed later. ${later.join(' ')}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
