// Errors in people's words, in English and Swedish: what is wrong and what to do, never an id,
// a type name or a field name. The machine details (`path`, the id asked for, zod's code) stay
// in the error's `details` for programs; the error middleware sends the message in the
// language the request asked for (`lang`).
import type { z } from 'zod';
import { type AppError, type ErrorDetail, ForbiddenError, NotFoundError, SourceTextUnavailableError, ValidationError } from './errors.ts';

export type Lang = 'en' | 'sv';
export type Words = Record<Lang, string>;

/** What each request field is, to a person. Fields not named here read as "a value of the question". */
const FIELDS: Record<string, Words> = {
  id: { en: 'the node', sv: 'noden' },
  with: { en: 'the second node', sv: 'den andra noden' },
  from: { en: 'the start', sv: 'början' },
  to: { en: 'the end', sv: 'slutet' },
  root: { en: 'the node', sv: 'noden' },
  around: { en: 'the node to compare around', sv: 'noden att jämföra kring' },
  agent: { en: 'who acts', sv: 'den som agerar' },
  principal: { en: 'who is represented', sv: 'den som företräds' },
  forum: { en: 'the forum', sv: 'forumet' },
  capacity: { en: 'the capacity', sv: 'egenskapen' },
  types: { en: 'the kind of tie', sv: 'slaget av band' },
  labels: { en: 'the kind of node', sv: 'slaget av nod' },
  asOf: { en: 'the date', sv: 'datumet' },
  fromDate: { en: 'the first date', sv: 'det första datumet' },
  toDate: { en: 'the second date', sv: 'det andra datumet' },
  recordedAt: { en: 'the recorded version or moment', sv: 'den registrerade versionen eller tidpunkten' },
  depth: { en: 'the depth', sv: 'djupet' },
  maxDepth: { en: 'the longest route', sv: 'den längsta vägen' },
  maxLevels: { en: 'the number of levels', sv: 'antalet nivåer' },
  limit: { en: 'the number of answers', sv: 'antalet svar' },
  offset: { en: 'where the list starts', sv: 'var listan börjar' },
  context: { en: 'the lines around', sv: 'raderna runt omkring' },
  lang: { en: 'the language', sv: 'språket' },
  certainty: { en: 'the certainty', sv: 'säkerheten' },
  direction: { en: 'the direction', sv: 'riktningen' },
  directed: { en: 'the direction', sv: 'riktningen' },
  file: { en: 'the document', sv: 'dokumentet' },
  q: { en: 'the question', sv: 'frågan' },
};
const SOME_VALUE: Words = { en: 'a value of the question', sv: 'ett värde i frågan' };

const DATE_HINT: Words = {
  en: 'give a year, a month or a day, such as 2016, 2016-05 or 2016-05-01',
  sv: 'ange ett år, en månad eller en dag, till exempel 2016, 2016-05 eller 2016-05-01',
};
/** What to give instead, for fields where the problem alone does not say it. */
const HINTS: Record<string, Words> = {
  asOf: DATE_HINT,
  fromDate: DATE_HINT,
  toDate: DATE_HINT,
  recordedAt: {
    en: 'give a version number, or a past moment such as 2026-11-30T12:00:00Z',
    sv: 'ange ett versionsnummer, eller en tidpunkt som har varit, till exempel 2026-11-30T12:00:00Z',
  },
  id: { en: 'pick the node by searching for its name', sv: 'välj noden genom att söka på dess namn' },
  with: { en: 'pick the node by searching for its name', sv: 'välj noden genom att söka på dess namn' },
  types: { en: 'pick a kind from the legend', sv: 'välj ett slag ur teckenförklaringen' },
  labels: { en: 'pick a kind from the legend', sv: 'välj ett slag ur teckenförklaringen' },
};

/** The problem zod found, as a code and its bounds: what a client needs to say it in its own words. */
export interface Problem {
  code: string;
  minimum?: number;
  maximum?: number;
  missing?: boolean;
}

export function problemOf(issue: z.core.$ZodIssue): Problem {
  const p: Problem = { code: issue.code };
  if ('minimum' in issue && typeof issue.minimum === 'number') p.minimum = issue.minimum;
  if ('maximum' in issue && typeof issue.maximum === 'number') p.maximum = issue.maximum;
  if (issue.code === 'invalid_type' && issue.input === undefined) p.missing = true;
  return p;
}

function problemWords(p: Problem | undefined): Words {
  if (!p) return { en: 'cannot be read', sv: 'går inte att läsa' };
  if (p.missing) return { en: 'is missing', sv: 'saknas' };
  switch (p.code) {
    case 'invalid_value':
      return { en: 'is not one of the choices', sv: 'är inte ett av valen' };
    case 'too_small':
      if (p.minimum === 1) return { en: 'is empty', sv: 'är tomt' };
      return p.minimum !== undefined
        ? { en: `must be at least ${p.minimum}`, sv: `måste vara minst ${p.minimum}` }
        : { en: 'is too small', sv: 'är för litet' };
    case 'too_big':
      return p.maximum !== undefined
        ? { en: `must be at most ${p.maximum}`, sv: `får vara högst ${p.maximum}` }
        : { en: 'is too large', sv: 'är för stort' };
    case 'invalid_format':
      return { en: 'is not written the way it should be', sv: 'har inte rätt form' };
    default:
      return { en: 'cannot be read', sv: 'går inte att läsa' };
  }
}

/** The request field a detail's path names ("query.types.0" → "types"). */
function fieldOf(path: string): string {
  const parts = path.split('.').filter((s) => !/^\d+$/.test(s));
  return parts.length > 1 ? parts[parts.length - 1]! : '';
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One sentence per field at fault: "The date is not written the way it should be: give a year, …". */
export function validationWords(details: ErrorDetail[]): Words {
  const byField = new Map<string, ErrorDetail>();
  for (const d of details) if (!byField.has(fieldOf(d.path))) byField.set(fieldOf(d.path), d);
  const say = (lang: Lang) =>
    [...byField].map(([field, d]) => {
      // An id in the address names a node on most routes, but a change set, a view or a token
      // on others: its form is refused before anything is looked up, so say it neutrally.
      if (field === 'id' && d.path === 'params.id' && (d.problem as Problem | undefined)?.code === 'invalid_format') {
        return lang === 'en'
          ? 'The address does not name anything the app holds: pick it from the app’s lists rather than typing it.'
          : 'Adressen anger inget som appen har: välj det i appens listor i stället för att skriva det.';
      }
      const name = FIELDS[field]?.[lang] ?? SOME_VALUE[lang];
      // A refinement's message is ours, written for people (in English): it says why.
      const hint = HINTS[field]?.[lang] ?? ((d.problem as Problem | undefined)?.code === 'custom' && lang === 'en' ? d.message : undefined);
      return `${cap(name)} ${problemWords(d.problem as Problem | undefined)[lang]}${hint ? `: ${hint}` : ''}.`;
    });
  return { en: say('en').join(' '), sv: say('sv').join(' ') };
}

/** A 400 for fields zod refused: the message in people's words, the paths and zod's problems in `details`. */
export function invalidRequest(details: ErrorDetail[]): ValidationError {
  return withWords(new ValidationError('', details), validationWords(details));
}

/** Gives an error its message in both languages; the English one is its `message`. */
export function withWords<E extends AppError>(err: E, words: Words): E {
  err.message = words.en;
  err.words = words;
  return err;
}

/** No node with the id asked for: said without the id, which stays in `details`. */
export function unknownNode(path: string, id: string): NotFoundError {
  const which = FIELDS[fieldOf(path)] ?? FIELDS.id!;
  const isNode = /node/.test(which.en);
  return withWords(new NotFoundError('', [{ path, message: 'unknown id', problem: { code: 'unknown-node', id } }]), {
    en: `${isNode ? cap(which.en) : `The node given as ${which.en}`} is not in the graph: pick it by searching for its name.`,
    sv: `${isNode ? cap(which.sv) : `Noden som anges som ${which.sv}`} finns inte i grafen: välj den genom att söka på dess namn.`,
  });
}

/** A source document whose text this server cannot show. */
export function sourceTextUnavailable(file: string, folderSet: boolean): SourceTextUnavailableError {
  return withWords(
    new SourceTextUnavailableError('', [
      {
        path: 'params.file',
        message: 'source text not available',
        problem: { code: folderSet ? 'unknown-document' : 'no-source-texts', file },
      },
    ]),
    folderSet
      ? {
          en: 'This server does not hold that document, so its lines cannot be shown; the citation still names it.',
          sv: 'Servern har inte det dokumentet, så dess rader kan inte visas; hänvisningen namnger det ändå.',
        }
      : {
          en: 'This server holds no source texts and none was uploaded for that document, so its lines cannot be shown.',
          sv: 'Servern har inga källtexter och ingen laddades upp för det dokumentet, så dess rader kan inte visas.',
        },
  );
}

// ---- curation, tokens, import and figures: what is not there, in people's words (the id stays in `details`)

const MISSING: Record<'change-set' | 'history' | 'view' | 'token' | 'review', Words> = {
  'change-set': {
    en: 'That change set is not in the history: pick it from the list of changes.',
    sv: 'Den ändringen finns inte i historiken: välj den ur listan över ändringar.',
  },
  history: {
    en: 'Nothing has been recorded about that element: pick a node or a tie in the graph.',
    sv: 'Inget har registrerats om det elementet: välj en nod eller ett band i grafen.',
  },
  view: {
    en: 'That saved view is not there: pick one from the list of saved views.',
    sv: 'Den sparade vyn finns inte: välj en ur listan över sparade vyer.',
  },
  token: {
    en: 'That token is not among those you may revoke.',
    sv: 'Den nyckeln finns inte bland dem du får återkalla.',
  },
  review: {
    en: 'That fact is not waiting for review here: pick it from the list of facts to review.',
    sv: 'Det faktumet väntar inte på granskning här: välj det ur listan över fakta att granska.',
  },
};

/** Something asked for by its id that is not there: said without the id, which stays in `details`. */
export function missing(what: keyof typeof MISSING, path: string, id: string): NotFoundError {
  return withWords(new NotFoundError('', [{ path, message: `unknown ${what}`, problem: { code: `unknown-${what}`, id } }]), MISSING[what]);
}

/** A figure asked around a node, or of nodes, the graph does not hold (a 400: the request names them). */
export function figureNodesMissing(details: ErrorDetail[], root: boolean): ValidationError {
  return withWords(
    new ValidationError('', details),
    root
      ? {
          en: 'The node to draw around is not in the graph: pick it by searching for its name.',
          sv: 'Noden att rita runt finns inte i grafen: välj den genom att söka på dess namn.',
        }
      : {
          en: 'Some of the nodes to draw are not in the graph: pick them again in the view.',
          sv: 'Några av noderna att rita finns inte i grafen: välj dem igen i vyn.',
        },
  );
}

/** A figure too large to read on a page. */
export function figureTooLarge(details: ErrorDetail[], nodes: number, max: number): ValidationError {
  return withWords(new ValidationError('', details), {
    en: `The figure would hold ${nodes} nodes, and at most ${max} can be read on a page: draw fewer levels or fewer nodes.`,
    sv: `Figuren skulle rymma ${nodes} noder, och högst ${max} går att läsa på en sida: rita färre nivåer eller färre noder.`,
  });
}

/** A change set or an import refused as a whole: how many problems, each in `details`. */
export function problemsFound(details: ErrorDetail[], what: 'change' | 'file' | 'records'): ValidationError {
  const n = details.length;
  const words: Record<typeof what, Words> = {
    change: {
      en: `The change has ${n === 1 ? 'one problem, listed below' : `${n} problems, each listed below`}; nothing was written.`,
      sv: `Ändringen har ${n === 1 ? 'ett problem, listat nedan' : `${n} problem, vart och ett listat nedan`}; inget skrevs.`,
    },
    file: {
      en: `The file has ${n === 1 ? 'one problem, listed below' : `${n} problems, each listed below`}; nothing was written.`,
      sv: `Filen har ${n === 1 ? 'ett problem, listat nedan' : `${n} problem, vart och ett listat nedan`}; inget skrevs.`,
    },
    records: {
      en: `${n === 1 ? 'One record could not be read, listed below' : `${n} records could not be read, each listed below`}; nothing was written.`,
      sv: `${n === 1 ? 'En post gick inte att läsa, listad nedan' : `${n} poster gick inte att läsa, var och en listad nedan`}; inget skrevs.`,
    },
  };
  return withWords(new ValidationError('', details), words[what]);
}

/** Elements a change set edits that are not in the graph. */
export function elementsMissing(details: ErrorDetail[]): NotFoundError {
  const n = details.length;
  return withWords(new NotFoundError('', details), {
    en: `${n === 1 ? 'One element to change is not in the graph, listed below' : `${n} elements to change are not in the graph, each listed below`}; nothing was written.`,
    sv: `${n === 1 ? 'Ett element att ändra finns inte i grafen, listat nedan' : `${n} element att ändra finns inte i grafen, vart och ett listat nedan`}; inget skrevs.`,
  });
}

/** An import whose body holds nothing, or that is not the format it claims. */
export function unreadableImport(details: ErrorDetail[], why: 'empty' | 'json' | 'shape' | 'csv'): ValidationError {
  const words: Record<typeof why, Words> = {
    empty: { en: 'The request holds no records to import.', sv: 'Begäran innehåller inga poster att importera.' },
    json: {
      en: 'The file cannot be read as JSON, so nothing was read: check that it is the whole file.',
      sv: 'Filen går inte att läsa som JSON, så inget lästes: kontrollera att det är hela filen.',
    },
    shape: {
      en: 'The file holds neither a list of records nor lists of nodes and ties: export a file from the app to see the shape.',
      sv: 'Filen innehåller varken en lista med poster eller listor med noder och band: exportera en fil från appen för att se formen.',
    },
    csv: {
      en: 'The file cannot be read as CSV, so nothing was read: check its quotes and columns.',
      sv: 'Filen går inte att läsa som CSV, så inget lästes: kontrollera dess citattecken och kolumner.',
    },
  };
  return withWords(new ValidationError('', details), words[why]);
}

/** The automation token acts for no account, so it has no personal tokens. */
export function writeTokenHasNoAccount(): ForbiddenError {
  return withWords(new ForbiddenError(''), {
    en: 'The automation token acts for no account, so it has no personal tokens: sign in to make one.',
    sv: 'Automatiseringsnyckeln hör inte till något konto och har därför inga egna nycklar: logga in för att skapa en.',
  });
}
