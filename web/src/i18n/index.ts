// The language of the interface: from the URL (?lang=sv), else the browser's preference,
// else English. Switching reloads the page with the new ?lang, so every string is drawn once,
// in one language, and the choice survives a reload and travels with a copied link.
import type { Catalogue } from './en.ts';

export type Lang = 'en' | 'sv';
export const LANGS: readonly Lang[] = ['en', 'sv'];

export function pickLang(urlParam: string | null, preferred: readonly string[]): Lang {
  if (urlParam === 'sv' || urlParam === 'en') return urlParam;
  for (const p of preferred) {
    const base = p.toLowerCase().split('-')[0];
    if (base === 'sv' || base === 'en') return base;
  }
  return 'en';
}

function detect(): Lang {
  if (typeof location === 'undefined' || typeof navigator === 'undefined') return 'en';
  return pickLang(new URLSearchParams(location.search).get('lang'), navigator.languages ?? [navigator.language]);
}

export const lang: Lang = detect();
/**
 * The catalogue of the chosen language, and only it: each is a chunk of its own (36 kB), and
 * the page's first task parsed both (issue 22, part 5). Every module that words something
 * waits for it; the modules before it run in a task of their own meanwhile.
 */
export const t: Catalogue = lang === 'sv' ? (await import('./sv.ts')).sv : (await import('./en.ts')).en;

/** Put the language in the URL (keeping the fragment) and on <html lang>. */
export function announceLang(): void {
  document.documentElement.lang = lang;
  const url = new URL(location.href);
  if (url.searchParams.get('lang') !== lang) {
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
  }
}

export function switchLang(next: Lang): void {
  const url = new URL(location.href);
  url.searchParams.set('lang', next);
  location.assign(url);
}

const numbers = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB');
export function formatNumber(n: number): string {
  return numbers.format(n);
}

const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
const monthYear = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** A partial date ("2016", "2016-05", "2016-05-01") as the language writes it. */
export function formatDate(d: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return d;
  const [, y, mo, da] = m;
  if (!mo) return y!;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, da ? Number(da) : 1));
  return (da ? dayMonthYear : monthYear).format(date);
}

/** The name of month `m` (1–12) in a year, for messages about days in a month. */
export function monthName(y: number, m: number): string {
  return monthYear.format(new Date(Date.UTC(y, m - 1, 1)));
}

interface Named {
  name?: unknown;
  nameEn?: unknown;
  nameOriginal?: unknown;
}

/**
 * Names in the reader's language, done once where answers arrive: `name` is the original
 * (Swedish or Finnish) and `nameEn` the English one. In English, `name` becomes the English
 * name and the original is kept as `nameOriginal`, so every view shows the same name.
 */
export function localiseNames<T>(value: T, to: Lang = lang): T {
  if (to !== 'en') return value;
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const o = v as Named & Record<string, unknown>;
    if (typeof o.nameEn === 'string' && o.nameEn && typeof o.name === 'string' && o.nameOriginal === undefined) {
      o.nameOriginal = o.name;
      o.name = o.nameEn;
    }
    for (const x of Object.values(o)) walk(x);
  };
  walk(value);
  return value;
}
