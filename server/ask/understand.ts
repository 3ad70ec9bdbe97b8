// Reading a question typed in Swedish or English: which kind of question it is, which named
// things it is about and in which role, and which date or period. Pure and deterministic: the
// words come from patterns.json (data, one entry per kind of question), the names from a pool of
// search candidates ranked by the search's own rules (rankHits), the dates from dates.ts with
// today passed in. Nothing here guesses silently: a tie between readings is offered as
// alternatives, and a question the data cannot answer says so and why. See docs/ask.md.
import { distance } from 'fastest-levenshtein';
import { allowedEdits, MATCH_KINDS, rankHits, type RankedHit, type SearchCandidate } from '../graph/search.ts';
import { contentWords, foldText, inflections, placeSynonyms, sameWord, stems, words } from '../graph/search-text.ts';
import { readDates, type DateReading, type Token } from './dates.ts';
import PATTERNS from './patterns.json' with { type: 'json' };

export const ASK_KINDS = ['representation', 'chain-up', 'chain-down', 'route', 'shared', 'ties', 'changed'] as const;
export type AskKind = (typeof ASK_KINDS)[number];
export const CANNOT_REASONS = [
  'amount',
  'reason',
  'opinion',
  'future',
  'outside',
  'no-question',
  'missing',
  'unknown-name',
  'no-date',
] as const;
export type CannotReason = (typeof CANNOT_REASONS)[number];

export interface ReadEntity {
  role: string;
  id: string;
  name: string;
  nameEn: string | null;
  label: string;
  /** The words of the question that named it. */
  words: string;
}

export type Reading =
  | { kind: AskKind; entities: ReadEntity[]; date: DateReading | null; directed: boolean }
  | { kind: 'cannot'; reason: CannotReason; words: string[]; entities: ReadEntity[]; date: DateReading | null };

export interface Understanding {
  reading: Reading;
  /** Other readings as likely as the first, at most three; empty when the reading is sure. */
  alternatives: Reading[];
}

interface Cue {
  words: string;
  weight: number;
  directed?: boolean;
}
interface Role {
  role: string;
  after: string[];
  labels: string[];
}
interface KindPattern {
  kind: AskKind;
  cues: Cue[];
  roles: Role[];
  subjectRole?: string;
  objectRole?: string;
  needs: number;
}
const KINDS = PATTERNS.kinds as KindPattern[];
const FUNCTION_WORDS = new Set(PATTERNS.functionWords);
const CONNECTORS = new Set(PATTERNS.connectors);
const NAMES_AFTER_CONNECTOR = new Set(PATTERNS.namesAfterConnector);
const CANNOT = PATTERNS.cannot as { words: string; why: CannotReason }[];

/** The longest name, in words, tried as one span. */
const MAX_SPAN = 7;
export const MAX_QUESTION = 300;

export function tokenize(question: string): Token[] {
  const text = question.normalize('NFC');
  // Words, with an ISO date kept whole and a genitive after an abbreviation ("WHO:s") kept on it.
  const found = text.match(/\d{4}-\d{2}(?:-\d{2})?(?!\d)|[\p{L}\p{N}]+(?:[:'’]s(?![\p{L}\p{N}]))?/gu) ?? [];
  return found.flatMap((raw) => {
    if (/^\d{4}-\d{2}/.test(raw)) return [{ raw, lower: raw, folded: raw }];
    const folded = words(raw)[0];
    return folded ? [{ raw, lower: raw.toLowerCase().replace(/[:'’]s$/u, ''), folded }] : [];
  });
}

const isFunction = (t: Token) => FUNCTION_WORDS.has(t.lower) || FUNCTION_WORDS.has(t.folded);
const isConnector = (t: Token) => CONNECTORS.has(t.lower) || CONNECTORS.has(t.folded);
/** "WHO" typed in capitals is a name, never the question word. */
const isAcronym = (t: Token) => t.raw.length >= 2 && /^\p{Lu}[\p{Lu}\p{N}]+(?:[:'’]s)?$/u.test(t.raw);

/** Whether a cue word matches a question word (see patterns.json). */
function cueWord(cue: string, t: Token, prefix: boolean): boolean {
  const diacritics = foldText(cue) !== cue;
  const w = diacritics && cue.length <= 4 ? t.lower : t.folded;
  const c = diacritics && cue.length <= 4 ? cue : foldText(cue);
  if (w === c) return true;
  if (prefix && c.length >= 5) {
    if (w.startsWith(c)) return true;
    if (c.length >= 6 && w.length >= c.length - 1) {
      for (const n of [c.length - 1, c.length, c.length + 1]) if (distance(w.slice(0, n), c) <= 1) return true;
    }
    return false;
  }
  // The same Snowball stem, for a word about as long as the cue: "vad" is not "väder", nor "styrelse" "styr".
  return (
    c.length >= 4 && w.length >= c.length - 1 && w.length <= c.length + 2 && (stems(w)[0] === stems(c)[0] || stems(w)[1] === stems(c)[1])
  );
}

/** Where a cue of several words (no '_') occurs: the token indexes it takes, or null. */
function findCue(cue: string, tokens: readonly Token[], free: (i: number) => boolean, prefix: boolean): number[] | null {
  const parts = cue.split(' ');
  for (let i = 0; i + parts.length <= tokens.length; i++) {
    const at = parts.map((_, k) => i + k);
    if (at.every((j, k) => free(j) && cueWord(parts[k]!, tokens[j]!, prefix))) return at;
  }
  return null;
}

// ---------------------------------------------------------------------------- names

interface Span {
  start: number;
  end: number; // exclusive
  hits: RankedHit[];
  /** Words beside the name that matched something else, set aside ("Europe" in "WHO Europe"). */
  extra?: number[];
}

/**
 * The pool's nodes whose names hold every word of the span in some form, as the search's
 * strict query asks the full-text index: the word, an inflection, the same country, a near
 * miss, or for the last word any word it begins.
 */
function candidatesFor(span: string[], pool: readonly SearchCandidate[]): SearchCandidate[] {
  const last = span.length - 1;
  return pool.filter((c) => {
    // An id counts only typed in full (as in classify), so it is not among the words here.
    const names = [c.node.name, c.node.nameEn ?? '', ...(c.node.aliases ?? [])];
    const ws = names.flatMap((n) => words(n));
    if (span.join('-') === c.node.id) return true;
    return span.every((q, i) =>
      ws.some(
        (w) =>
          w === q ||
          inflections(q).has(w) ||
          placeSynonyms(q).includes(w) ||
          sameWord(q, w) ||
          (i === last && q.length >= 3 && w.startsWith(q)) ||
          (allowedEdits(q) > 0 && distance(q, w) <= allowedEdits(q)),
      ),
    );
  });
}

/**
 * The search's order, with one more key for reading questions: among hits of one kind, the
 * name the words cover most. "Swden" is a near miss of Sweden and of the strategy "for Sweden's
 * cooperation with …"; in a question it means Sweden.
 */
const COVER = new WeakMap<RankedHit, number>();

function closestFirst(hits: RankedHit[], n: number): RankedHit[] {
  // On the name the match was found in: a one-word alias ("FHM") must not make "Public Health
  // Agency of Sweden" as close to "Swden" as "Sweden" is.
  const cover = (h: RankedHit) => n / Math.max(n, contentWords(h.match.value).length);
  const keyed = hits.map((h, i) => ({ h, i, tier: MATCH_KINDS.indexOf(h.match.kind), c: cover(h) }));
  for (const k of keyed) COVER.set(k.h, k.c);
  keyed.sort((a, b) => a.tier - b.tier || Number(a.h.containedInHit) - Number(b.h.containedInHit) || b.c - a.c || a.i - b.i);
  return keyed.map((k) => k.h);
}

/** Whether the best hit for a span is good enough to take the span as a name. */
function acceptable(span: Token[], hit: RankedHit): boolean {
  const inner = span.slice(1, -1);
  const hasConnector = inner.some((t) => isConnector(t) || isFunction(t));
  const kind = hit.match.kind;
  if (kind === 'exact' || kind === 'inflected') return true;
  if (hasConnector) return false;
  // A common word inside a long name ("organisationer", "health") is not that name: a name
  // found by some of its words must be named by at least half of them (two fifths for two or
  // more words: "Finnish ministry").
  const cover = COVER.get(hit) ?? 0;
  if (span.length === 1) {
    const w = span[0]!.folded;
    if (cover < 0.5) return false;
    if (kind === 'prefix') return w.length >= 4;
    // "svenska" alone is not a name: it is in every Swedish thing's English name.
    if (kind === 'words') return w.length >= 4 && placeSynonyms(w).length === 0;
    return allowedEdits(w) > 0;
  }
  if (cover < 0.4) return false;
  return kind !== 'fuzzy' || span.every((t) => t.folded.length >= 5);
}

/**
 * Names in the tokens not blocked, the longest span first. `held` are names found before: a
 * longer span may take one in whole when it names the same thing ("Sweden's" + "chief nursing
 * officer").
 */
function findNames(
  tokens: readonly Token[],
  blocked: Set<number>,
  pool: readonly SearchCandidate[],
  strongOnly: boolean,
  held: Span[] = [],
): Span[] {
  const spans: Span[] = [...held];
  const taken = new Set<number>(blocked);
  const heldAt = new Map(held.flatMap((h) => range(h.start, h.end).map((i) => [i, h] as const)));
  const edge = (t: Token) => !isAcronym(t) && (isConnector(t) || isFunction(t));
  for (let len = Math.min(MAX_SPAN, tokens.length); len >= (strongOnly ? 2 : 1); len--) {
    for (let start = 0; start + len <= tokens.length; start++) {
      const span = tokens.slice(start, start + len);
      if (span.some((_, k) => taken.has(start + k))) continue;
      const inside = new Set(range(start, start + len).flatMap((i) => (heldAt.has(i) ? [heldAt.get(i)!] : [])));
      if ([...inside].some((h) => h.start < start || h.end > start + len || (h.start === start && h.end === start + len))) continue;
      if (edge(span[0]!) || edge(span[len - 1]!)) continue;
      const text = span.map((t) => t.raw).join(' ');
      const q = span.map((t) => t.folded).filter((w) => w.length > 0);
      const hits = closestFirst(rankHits(text, candidatesFor(q, pool)), q.length);
      const best = hits[0];
      if (!best || !acceptable(span, best)) continue;
      if (strongOnly && best.match.kind !== 'exact' && best.match.kind !== 'inflected') continue;
      if ([...inside].some((h) => h.hits[0]!.node.id !== best.node.id)) continue;
      for (const h of inside) {
        spans.splice(spans.indexOf(h), 1);
        for (const i of range(h.start, h.end)) heldAt.delete(i);
      }
      spans.push({ start, end: start + len, hits });
      for (let k = start; k < start + len; k++) taken.add(k);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Two names side by side with nothing between ("WHO Europe") are one name with extra words, as
 * search reads them (partial ranking): the one the search puts first stays, the other's words
 * are set aside.
 */
function dropExtraWords(spans: Span[], tokens: readonly Token[], pool: readonly SearchCandidate[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (!prev || prev.end !== s.start) {
      out.push(s);
      continue;
    }
    const text = tokens
      .slice(prev.start, s.end)
      .map((t) => t.raw)
      .join(' ');
    const both = [prev.hits[0]!, s.hits[0]!];
    const [top] = rankHits(
      text,
      pool.filter((c) => both.some((h) => h.node.id === c.node.id)),
      { partial: true },
    );
    const keep = top?.node.id === s.hits[0]!.node.id ? s : prev;
    out[out.length - 1] = {
      ...keep,
      extra: [...(prev.extra ?? []), ...(s.extra ?? []), ...range(prev.start, s.end).filter((i) => i < keep.start || i >= keep.end)],
    };
  }
  return out;
}

const entityOf = (hit: RankedHit, role: string, tokens: readonly Token[], span: Span): ReadEntity => ({
  role,
  id: hit.node.id,
  name: hit.node.name,
  nameEn: hit.node.nameEn,
  label: hit.node.label,
  words: tokens
    .slice(span.start, span.end)
    .map((t) => t.raw)
    .join(' '),
});

/** Whether the second hit is as likely as the first: same kind of match, neither part of the other. */
function tied(hits: RankedHit[]): RankedHit | null {
  const [a, b] = hits;
  if (!a || !b) return null;
  if (a.match.kind === 'exact' || a.match.kind === 'inflected') return null;
  if (a.match.kind !== b.match.kind || a.wordsMatched !== b.wordsMatched || b.containedInHit) return null;
  if ((COVER.get(b) ?? 0) < (COVER.get(a) ?? 0)) return null;
  if (a.containers.includes(b.node.id) || b.containers.includes(a.node.id)) return null;
  return b;
}

// ---------------------------------------------------------------------------- roles

function assignRoles(p: KindPattern, spans: Span[], tokens: readonly Token[], cueAt: number, pick: (s: Span) => RankedHit): ReadEntity[] {
  const out: ReadEntity[] = [];
  const free = new Set(p.roles.map((r) => r.role));
  const left: Span[] = [];
  // A name after a role's word ("i WHO", "from Ukraine") takes that role.
  for (const s of spans) {
    let j = s.start - 1;
    while (j >= 0 && isFunction(tokens[j]!) && !isConnector(tokens[j]!)) j--;
    const before = j >= 0 ? tokens[j]! : null;
    const role =
      before && p.roles.find((r) => free.has(r.role) && r.after.some((a) => a === before.lower || foldText(a) === before.folded));
    if (role) {
      out.push(entityOf(pick(s), role.role, tokens, s));
      free.delete(role.role);
    } else left.push(s);
  }
  const rest: Span[] = [];
  // Then the kind of thing: a country is usually the principal, an organisation the forum.
  for (const s of left) {
    const hit = pick(s);
    const role = p.roles.find((r) => free.has(r.role) && r.labels.includes(hit.node.label));
    if (role && p.roles.length > 1 && (p.roles.filter((r) => r.labels.includes(hit.node.label)).length === 1 || !p.subjectRole)) {
      out.push(entityOf(hit, role.role, tokens, s));
      free.delete(role.role);
    } else rest.push(s);
  }
  // Then the place: before the verb the subject, after it the object, otherwise in order.
  for (const s of rest) {
    const hit = pick(s);
    const byPlace = s.start < cueAt ? p.subjectRole : p.objectRole;
    const role = byPlace && free.has(byPlace) ? byPlace : p.roles.find((r) => free.has(r.role))?.role;
    if (!role) continue;
    out.push(entityOf(hit, role, tokens, s));
    free.delete(role);
  }
  const order = p.roles.map((r) => r.role);
  return out.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

// ---------------------------------------------------------------------------- the reading

export interface UnderstandOptions {
  /** YYYY-MM-DD: what "i dag", "förra året" and "since last year" count from. */
  today: string;
}

export function understand(question: string, pool: readonly SearchCandidate[], opts: UnderstandOptions): Understanding {
  const tokens = tokenize(question.slice(0, MAX_QUESTION)).map((t, i, all) =>
    // "i who", "in who": after a connector the question word is the organisation.
    NAMES_AFTER_CONNECTOR.has(t.folded) && i > 0 && isConnector(all[i - 1]!) ? { ...t, raw: t.raw.replace(/^who/i, 'WHO') } : t,
  );
  const { date, used: dateTokens } = readDates(tokens, opts.today);

  // Names first that are written out in full (they may hold cue words: "WHO:s medlemsstater").
  const strong = findNames(tokens, dateTokens, pool, true);
  const inStrong = new Set(strong.flatMap((s) => range(s.start, s.end)));

  // What can never be answered from this data: amounts, reasons, opinions, the future.
  const free = (i: number) => !dateTokens.has(i) && !inStrong.has(i);
  for (const c of CANNOT) {
    if (findCue(c.words, tokens, free, false)) return cannot(c.why, [c.words], [], date);
  }

  // Cue words without '_', per kind.
  const cueTokens = new Set<number>();
  const scores = new Map<AskKind, number>();
  const firstCue = new Map<AskKind, number>();
  let directed = false;
  for (const p of KINDS) {
    for (const c of p.cues) {
      if (c.words.includes('_')) continue;
      const at = findCue(c.words, tokens, free, true);
      if (!at) continue;
      scores.set(p.kind, (scores.get(p.kind) ?? 0) + c.weight);
      firstCue.set(p.kind, Math.min(firstCue.get(p.kind) ?? Infinity, at[0]!));
      if (p.kind === 'route' && c.directed) directed = true;
      for (const i of at) cueTokens.add(i);
    }
  }

  // Then the other names, in what the cues and dates left.
  const blocked = new Set([...dateTokens, ...cueTokens].filter((i) => !inStrong.has(i)));
  const spans = dropExtraWords(
    findNames(tokens, blocked, pool, false, strong).sort((a, b) => a.start - b.start),
    tokens,
    pool,
  );
  const inSpan = new Set(spans.flatMap((s) => [...range(s.start, s.end), ...(s.extra ?? [])]));

  // Cues with '_': the words around a name ("does _ appoint").
  const shape: { t: Token | null; i: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (dateTokens.has(i)) continue;
    const s = spans.find((x) => x.start === i);
    if (s) {
      shape.push({ t: null, i });
      i = s.end - 1;
    } else if (!inSpan.has(i)) shape.push({ t: tokens[i]!, i });
  }
  for (const p of KINDS) {
    for (const c of p.cues) {
      if (!c.words.includes('_')) continue;
      const parts = c.words.split(' ');
      for (let i = 0; i + parts.length <= shape.length; i++) {
        const ok = parts.every((part, k) => {
          const s = shape[i + k]!;
          return part === '_' ? s.t === null : s.t !== null && cueWord(part, s.t, true);
        });
        if (ok) {
          scores.set(p.kind, (scores.get(p.kind) ?? 0) + c.weight);
          firstCue.set(p.kind, Math.min(firstCue.get(p.kind) ?? Infinity, shape[i]!.i));
          break;
        }
      }
    }
  }

  // Words left over that look like names nobody found ("IMF", "Norwegian Directorate"): a
  // question about something the data does not hold, never answered about something else.
  const unknown = tokens.filter(
    (t, i) =>
      !dateTokens.has(i) &&
      !inSpan.has(i) &&
      !cueTokens.has(i) &&
      (isAcronym(t) || (i > 0 && /^\p{Lu}/u.test(t.raw) && !isFunction(t) && !isConnector(t))),
  );
  if (unknown.length)
    return cannot(
      'unknown-name',
      unknown.map((t) => t.raw),
      [],
      date,
    );
  // "the Norwegian health director": a country's adjective before words that name nothing is
  // a thing of that country the data does not hold, not the country.
  const leftover = (i: number) =>
    i < tokens.length && !dateTokens.has(i) && !inSpan.has(i) && !cueTokens.has(i) && !isFunction(tokens[i]!) && !isConnector(tokens[i]!);
  for (const s of spans) {
    const t = tokens[s.start]!;
    if (s.end - s.start !== 1 || placeSynonyms(t.folded).length === 0 || s.hits[0]!.match.kind === 'exact') continue;
    let j = s.end;
    while (leftover(j)) j++;
    if (j > s.end)
      return cannot(
        'unknown-name',
        range(s.start, j).map((i) => tokens[i]!.raw),
        [],
        date,
      );
  }

  const ranked = [...scores].sort((a, b) => b[1] - a[1] || ASK_KINDS.indexOf(a[0]) - ASK_KINDS.indexOf(b[0]));
  let kinds = ranked.filter(([, s]) => s === ranked[0]?.[1]).map(([k]) => k);
  // No cue, one name and a date: what it was tied to then ("Socialstyrelsen 2016").
  if (!kinds.length && spans.length === 1 && date && date.kind !== 'since') kinds = ['ties'];
  if (!kinds.length && date?.kind === 'since') kinds = ['changed'];
  if (!kinds.length) {
    const leftover = tokens.filter((t, i) => !dateTokens.has(i) && !isFunction(t) && !isConnector(t)).map((t) => t.raw);
    return cannot('no-question', leftover, [], date);
  }

  const readingFor = (kind: AskKind, pick: (s: Span) => RankedHit): Reading => {
    const p = KINDS.find((k) => k.kind === kind)!;
    const entities = assignRoles(p, spans, tokens, firstCue.get(kind) ?? tokens.length, pick);
    if (entities.length < p.needs) {
      const missing = tokens.filter(
        (t, i) => !dateTokens.has(i) && !inSpan.has(i) && !cueTokens.has(i) && !isFunction(t) && !isConnector(t),
      );
      return cannotReading(
        'missing',
        missing.map((t) => t.raw),
        entities,
        date,
      );
    }
    if (kind === 'changed' && date?.kind !== 'since') return cannotReading('no-date', [], entities, date);
    return { kind, entities, date, directed: kind === 'route' && directed };
  };
  const first = (s: Span) => s.hits[0]!;
  const readings = kinds.map((k) => readingFor(k, first));
  // A name two things answer to equally well: the reading with the other one is as likely.
  for (const s of spans) {
    const other = tied(s.hits);
    if (other) readings.push(readingFor(kinds[0]!, (x) => (x === s ? other : first(x))));
  }
  const answerable = readings.filter((r) => r.kind !== 'cannot');
  const all = answerable.length ? answerable : readings;
  const distinct = dedupe(all);
  return { reading: distinct[0]!, alternatives: distinct.slice(1, 4) };
}

function cannotReading(reason: CannotReason, ws: string[], entities: ReadEntity[], date: DateReading | null): Reading {
  return { kind: 'cannot', reason, words: ws, entities, date };
}

function cannot(reason: CannotReason, ws: string[], entities: ReadEntity[], date: DateReading | null): Understanding {
  return { reading: cannotReading(reason, ws, entities, date), alternatives: [] };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}

function dedupe(rs: Reading[]): Reading[] {
  const seen = new Set<string>();
  return rs.filter((r) => {
    const key = JSON.stringify([r.kind, r.entities.map((e) => [e.role, e.id])]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
