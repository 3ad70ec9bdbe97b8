// Refusals of access, of load and of state, in people's words in English and Swedish: signing
// in and tokens, the CSRF check, the rate limit and the readers' lanes, conflicts of curation
// and imports, the database and the console. As in error-words.ts, the message names no id,
// header, field or setting; what a program needs stays in `details` (and Retry-After).
import { type Lang, type Words, withWords } from './error-words.ts';
import {
  type AppError,
  ConflictError,
  CsrfError,
  DatabaseUnavailableError,
  type ErrorDetail,
  ForbiddenError,
  InternalError,
  NotFoundError,
  PayloadTooLargeError,
  QueryRejectedError,
  QueryTimeoutError,
  QueryTooLargeError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from './errors.ts';

const n = (count: number, one: Words, many: (k: number) => Words): Words => (count === 1 ? one : many(count));
const seconds = (s: number, lang: Lang) =>
  lang === 'en' ? (s === 1 ? 'a second' : `${s} seconds`) : s === 1 ? 'en sekund' : `${s} sekunder`;

// ---- who is asking

/** No session and no token: sign in (the header to send stays in `details`). */
export function signInNeeded(automationOff = false): UnauthorizedError {
  const off = automationOff ? '; this server has no WRITE_TOKEN configured, so writes are off for automation' : '';
  return withWords(
    new UnauthorizedError('', [
      { path: 'headers.authorization', message: `missing token or session; send "Authorization: Bearer <token>" or sign in${off}` },
    ]),
    {
      en: 'You need to be signed in, or to send a personal API token with the request.',
      sv: 'Du behöver vara inloggad, eller skicka en personlig API-nyckel med begäran.',
    },
  );
}

export function sessionEnded(path: string): UnauthorizedError {
  return withWords(new UnauthorizedError('', [{ path, message: 'no such session' }]), {
    en: 'Your session has ended or expired: sign in again.',
    sv: 'Din inloggning har avslutats eller gått ut: en ny inloggning behövs.',
  });
}

export function tokenUnknown(why: 'unknown or revoked token' | 'wrong token'): UnauthorizedError {
  return withWords(new UnauthorizedError('', [{ path: 'headers.authorization', message: why }]), {
    en: 'The API token is not valid: it is unknown or has been revoked. Make a new one, or sign in.',
    sv: 'API-nyckeln gäller inte: den är okänd eller har återkallats. Skapa en ny, eller använd en inloggning.',
  });
}

export function automationTokenOff(): ForbiddenError {
  return withWords(new ForbiddenError('', [{ path: 'headers.authorization', message: 'the server has no WRITE_TOKEN configured' }]), {
    en: 'This server takes no automation token: use a personal API token, or sign in.',
    sv: 'Servern tar inte emot någon automatiseringsnyckel: använd en personlig API-nyckel, eller en inloggning.',
  });
}

export function accountDisabled(): ForbiddenError {
  return withWords(new ForbiddenError('', [{ path: 'account', message: 'disabled' }]), {
    en: 'This account is disabled; an administrator can enable it again.',
    sv: 'Kontot är avstängt; en administratör kan aktivera det igen.',
  });
}

const ROLE: Record<string, Words> = {
  editor: { en: 'an editor', sv: 'redaktör' },
  admin: { en: 'an administrator', sv: 'administratör' },
};

/** Signed in, but without the rights the action needs. */
export function roleNeeded(role: string, has: string): ForbiddenError {
  const needed = ROLE[role] ?? ROLE.admin!;
  return withWords(new ForbiddenError('', [{ path: 'account', message: `needs the ${role} role, has ${has}` }]), {
    en: `Only ${needed.en} may do this, and your account is not one.`,
    sv: `Bara den som är ${needed.sv} får göra detta, och ditt konto är inte det.`,
  });
}

/** A write signed in by the cookie without the session's own check: most often a page opened before signing in again. */
export function csrfRefused(detail: ErrorDetail): CsrfError {
  return withWords(new CsrfError('', [detail]), {
    en: 'The change could not be confirmed as coming from this signed-in page: reload the page and try again.',
    sv: 'Ändringen gick inte att bekräfta som kommande från den här inloggade sidan: ladda om sidan och försök igen.',
  });
}

export function wrongPassword(): UnauthorizedError {
  return withWords(new UnauthorizedError('', [{ path: 'body', message: 'wrong name or password' }]), {
    en: 'Wrong name or password.',
    sv: 'Fel namn eller lösenord.',
  });
}

export function accountGone(): NotFoundError {
  return withWords(new NotFoundError('', [{ path: 'account', message: 'no longer exists' }]), {
    en: 'Your account no longer exists: ask an administrator.',
    sv: 'Ditt konto finns inte längre: fråga en administratör.',
  });
}

// ---- load: the rate limit and the readers' lanes (Retry-After says when)

export function tooManySignIns(retryAfter: number): RateLimitedError {
  return withWords(new RateLimitedError('', retryAfter), {
    en: `Too many failed sign-ins for this name from here: wait ${seconds(retryAfter, 'en')} and try again.`,
    sv: `För många misslyckade inloggningar för det här namnet härifrån: vänta ${seconds(retryAfter, 'sv')} och försök igen.`,
  });
}

export function tooManyRequests(retryAfter: number): RateLimitedError {
  return withWords(new RateLimitedError('', retryAfter), {
    en: `Too many requests from here in a short time: wait ${seconds(retryAfter, 'en')} and try again.`,
    sv: `För många förfrågningar härifrån på kort tid: vänta ${seconds(retryAfter, 'sv')} och försök igen.`,
  });
}

/** One client's own queue is full (429). */
export function ownQueueFull(retryAfter: number): RateLimitedError {
  return withWords(new RateLimitedError('', retryAfter), {
    en: `You already have as many questions waiting as one reader may: try again in ${seconds(retryAfter, 'en')}, when some have been answered.`,
    sv: `Du har redan så många frågor i kö som en läsare får ha: försök igen om ${seconds(retryAfter, 'sv')}, när några har besvarats.`,
  });
}

/** The server's queue is full for everyone (503); the error's class is the lanes' own. */
export function serverQueueFull<E extends AppError>(err: E, retryAfter: number): E {
  return withWords(err, {
    en: `The server has as many questions waiting as it can hold: try again in ${seconds(retryAfter, 'en')}.`,
    sv: `Servern har så många frågor i kö som den rymmer: försök igen om ${seconds(retryAfter, 'sv')}.`,
  });
}

// ---- the database

export function databaseUnavailable(why: 'unreachable' | 'transient' | 'starting' | 'no-answer' | 'changed-during-export' = 'unreachable') {
  const words: Record<typeof why, Words> = {
    unreachable: {
      en: 'The database cannot be reached right now: try again in a moment.',
      sv: 'Databasen går inte att nå just nu: försök igen om en stund.',
    },
    transient: {
      en: 'The database could not answer just now: try again in a moment.',
      sv: 'Databasen kunde inte svara just nu: försök igen om en stund.',
    },
    starting: {
      en: 'The database has just started again and is not up to speed yet: try again in a moment.',
      sv: 'Databasen har just startat om och är inte i gång fullt ut än: försök igen om en stund.',
    },
    'no-answer': { en: 'The database gave no answer: try again in a moment.', sv: 'Databasen svarade inte: försök igen om en stund.' },
    'changed-during-export': {
      en: 'The graph changed while the file was being written: export again.',
      sv: 'Grafen ändrades medan filen skrevs: exportera igen.',
    },
  };
  return withWords(new DatabaseUnavailableError('', [{ path: 'database', message: why }]), words[why]);
}

export function queryTimedOut(): QueryTimeoutError {
  return withWords(new QueryTimeoutError(''), {
    en: 'The question took longer than the time allowed and was stopped: ask a narrower one.',
    sv: 'Frågan tog längre tid än tillåtet och stoppades: ställ en snävare fråga.',
  });
}

export function queryTooLarge(): QueryTooLargeError {
  return withWords(new QueryTooLargeError(''), {
    en: 'The question needs more memory than the database allows one question: narrow it, or ask for fewer rows.',
    sv: 'Frågan behöver mer minne än databasen tillåter en fråga: gör den snävare, eller be om färre rader.',
  });
}

/** The console's statement, or one the database refused: what it is stays in `details`. */
export function statementRefused(why: 'writes' | 'not-read' | 'rejected', details: ErrorDetail[], code?: string): QueryRejectedError {
  const words: Record<typeof why, Words> = {
    writes: {
      en: 'The console only reads the graph, and this statement would change it or do more than read.',
      sv: 'Konsolen läser bara grafen, och den här satsen skulle ändra den eller göra mer än att läsa.',
    },
    'not-read': {
      en: 'The console only reads the graph, and the database does not run this statement as a read.',
      sv: 'Konsolen läser bara grafen, och databasen kör inte den här satsen som en läsning.',
    },
    rejected: {
      en: 'The database could not run the statement: the reason is listed below.',
      sv: 'Databasen kunde inte köra satsen: skälet står nedan.',
    },
  };
  return withWords(new QueryRejectedError('', details, code), words[why]);
}

export function unexpectedDatabaseError(code: string): InternalError {
  return withWords(new InternalError('', [], code), {
    en: 'The database answered with an unexpected error; it was logged.',
    sv: 'Databasen svarade med ett oväntat fel; det har loggats.',
  });
}

// ---- the request itself

export function somethingWentWrong(): InternalError {
  return withWords(new InternalError(''), {
    en: 'Something went wrong on our side; the error was logged.',
    sv: 'Något gick fel hos oss; felet har loggats.',
  });
}

export function bodyTooLarge(): PayloadTooLargeError {
  return withWords(new PayloadTooLargeError('', [{ path: 'body', message: 'too large' }]), {
    en: 'What was sent is too large: send a smaller file or fewer records at a time.',
    sv: 'Det som skickades är för stort: skicka en mindre fil eller färre poster åt gången.',
  });
}

export function bodyNotJson(): ValidationError {
  return withWords(new ValidationError('', [{ path: 'body', message: 'expected JSON' }]), {
    en: 'What was sent cannot be read: check that the whole request was sent.',
    sv: 'Det som skickades går inte att läsa: kontrollera att hela begäran skickades.',
  });
}

/** An address under /api the server does not offer, or a method it does not offer there. */
export function noSuchAddress<E extends AppError>(err: E): E {
  return withWords(err, {
    en: 'The server offers nothing at this address: check the address, or see the reference of the programming interface.',
    sv: 'Servern erbjuder inget på den här adressen: kontrollera adressen, eller se referensen för programmeringsgränssnittet.',
  });
}

export function methodNotOffered<E extends AppError>(err: E): E {
  return withWords(err, {
    en: 'This address does not take that kind of request: the ones it takes are listed below.',
    sv: 'Den här adressen tar inte emot den sortens begäran: de som den tar emot står nedan.',
  });
}

/** The cited lines asked for are not in the document, or too many at once. */
export function linesOutOfRange(why: 'reversed' | 'too-many' | 'past-end', details: ErrorDetail[], lines?: number): ValidationError {
  const words: Record<typeof why, Words> = {
    reversed: { en: 'The lines asked for end before they start.', sv: 'Raderna som efterfrågas slutar innan de börjar.' },
    'too-many': { en: 'At most 500 lines can be shown at a time.', sv: 'Högst 500 rader kan visas åt gången.' },
    'past-end': {
      en: `The document has ${lines} lines, fewer than asked for.`,
      sv: `Dokumentet har ${lines} rader, färre än som efterfrågas.`,
    },
  };
  return withWords(new ValidationError('', details), words[why]);
}

/** A version not made yet, or a moment still to come, asked "as recorded at". */
export function notRecordedYet(details: ErrorDetail[], current?: number): ValidationError {
  return withWords(
    new ValidationError('', details),
    current !== undefined
      ? {
          en: `That version has not been made yet: the latest is version ${current}.`,
          sv: `Den versionen har inte gjorts än: den senaste är version ${current}.`,
        }
      : {
          en: 'That moment has not come yet, so nothing was recorded at it.',
          sv: 'Den tidpunkten har inte kommit än, så inget registrerades då.',
        },
  );
}

// ---- conflicts of curation and imports: nothing was written

export function editConflicts(details: ErrorDetail[]): ConflictError {
  const k = details.length;
  return withWords(
    new ConflictError('', details),
    n(
      k,
      {
        en: 'What you edit was changed by someone else after you opened it; nothing was written. Edit again from what it is now.',
        sv: 'Det du redigerar ändrades av någon annan efter att du öppnade det; inget skrevs. Redigera igen utifrån hur det är nu.',
      },
      (m) => ({
        en: `${m} of the things you edit were changed by someone else after you opened them; nothing was written. Edit again from what they are now.`,
        sv: `${m} av det du redigerar ändrades av någon annan efter att du öppnade det; inget skrevs. Redigera igen utifrån hur det är nu.`,
      }),
    ),
  );
}

export function tieClashes(details: ErrorDetail[]): ConflictError {
  return withWords(
    new ConflictError('', details),
    n(
      details.length,
      {
        en: 'The graph already holds a tie of the same kind between the same two, with the same dates; nothing was written. Correct or retire that tie first.',
        sv: 'Grafen har redan ett band av samma slag mellan samma två, med samma datum; inget skrevs. Rätta eller avveckla det bandet först.',
      },
      (m) => ({
        en: `${m} ties would repeat ties the graph already holds, of the same kind between the same two with the same dates; nothing was written. Correct or retire those first.`,
        sv: `${m} band skulle upprepa band som grafen redan har, av samma slag mellan samma två med samma datum; inget skrevs. Rätta eller avveckla dem först.`,
      }),
    ),
  );
}

export function importConflicts(details: ErrorDetail[]): ConflictError {
  return withWords(
    new ConflictError('', details),
    n(
      details.length,
      {
        en: 'One fact in the file differs from the one the graph holds; nothing was written. Send the file again, choosing to replace, to overwrite it.',
        sv: 'Ett faktum i filen skiljer sig från det som grafen har; inget skrevs. Skicka filen igen och välj att ersätta för att skriva över det.',
      },
      (m) => ({
        en: `${m} facts in the file differ from those the graph holds; nothing was written. Send the file again, choosing to replace, to overwrite them.`,
        sv: `${m} fakta i filen skiljer sig från dem som grafen har; inget skrevs. Skicka filen igen och välj att ersätta för att skriva över dem.`,
      }),
    ),
  );
}

/** A revert refused: the English names the first element in the way (the web app says the rest from `details`). */
export function revertRefused(details: ErrorDetail[], version: number, blockers: number[], firstEn: string): ConflictError {
  const k = details.length;
  const list = (lang: Lang) =>
    blockers.length > 1 ? `${blockers.slice(0, -1).join(', ')} ${lang === 'en' ? 'and' : 'och'} ${blockers.at(-1)}` : `${blockers[0]}`;
  const moreEn = k > 1 ? ` ${k - 1 === 1 ? 'One more element stands' : `${k - 1} more elements stand`} in the way too.` : '';
  const offerEn = blockers.length
    ? ` Undo ${blockers.length === 1 ? 'version' : 'versions'} ${list('en')} together with it, or undo ${blockers.length === 1 ? 'it' : 'them'} first.`
    : '';
  const offerSv = blockers.length
    ? ` Ångra ${blockers.length === 1 ? 'version' : 'versionerna'} ${list('sv')} tillsammans med den, eller ångra ${blockers.length === 1 ? 'den' : 'dem'} först.`
    : '';
  return withWords(new ConflictError('', details), {
    en: `Version ${version} cannot be undone on its own: ${firstEn}${moreEn}${offerEn} Nothing was written.`,
    sv: `Version ${version} kan inte ångras ensam: ${k === 1 ? 'ett element har' : `${k} element har`} ändrats senare eller står i vägen.${offerSv} Inget skrevs.`,
  });
}

export function nothingToUndo(version: number): ConflictError {
  return withWords(new ConflictError('', []), {
    en: `There is nothing left to undo: everything version ${version} changed is already as it was before it. Nothing was written.`,
    sv: `Det finns inget kvar att ångra: allt som version ${version} ändrade är redan som det var före den. Inget skrevs.`,
  });
}

/** A review settled by someone else first, or a fact no longer waiting. */
export function reviewStale(rev: number | null | 'not-waiting'): ConflictError {
  if (rev === 'not-waiting')
    return withWords(new ConflictError('', [{ path: 'params.id', message: 'not waiting for review' }]), {
      en: 'This fact is not waiting for review; nothing was written.',
      sv: 'Det här faktumet väntar inte på granskning; inget skrevs.',
    });
  if (rev === null)
    return withWords(new ConflictError('', [{ path: 'body.rev', message: 'retired since' }]), {
      en: 'This fact was retired after you opened it, so there is nothing left to settle. Nothing was written.',
      sv: 'Det här faktumet avvecklades efter att du öppnade det, så det finns inget kvar att avgöra. Inget skrevs.',
    });
  return withWords(new ConflictError('', [{ path: 'body.rev', message: `changed in version ${rev}` }]), {
    en: `This fact was changed in version ${rev} after you opened it; it may have been settled already. Nothing was written. Open the review list again.`,
    sv: `Det här faktumet ändrades i version ${rev} efter att du öppnade det; det kan redan vara avgjort. Inget skrevs. Öppna granskningslistan igen.`,
  });
}

// ---- source documents

export function documentNotRegistered(file: string): NotFoundError {
  return withWords(new NotFoundError('', [{ path: 'params.file', message: 'not a registered source document', problem: { file } }]), {
    en: 'That document is not registered: register it before giving it a new text.',
    sv: 'Det dokumentet är inte registrerat: registrera det innan du ger det en ny text.',
  });
}

export function newTextRefused(why: 'empty' | 'same', version?: number): ValidationError {
  return withWords(
    new ValidationError('', [
      { path: 'body.text', message: why === 'empty' ? 'the text of the document' : `the same text as version ${version}` },
    ]),
    why === 'empty'
      ? { en: 'The new text is empty; nothing was written.', sv: 'Den nya texten är tom; inget skrevs.' }
      : {
          en: `The text is the same as the current one (version ${version}); nothing was written.`,
          sv: `Texten är densamma som den nuvarande (version ${version}); inget skrevs.`,
        },
  );
}

/** A CSV file whose columns are not those of an export: the expected columns stay in `details`. */
export function csvColumns(details: ErrorDetail[]): ValidationError {
  return withWords(new ValidationError('', details), {
    en: 'The file’s columns are not those of a node or tie file: export one from the app to see them.',
    sv: 'Filens kolumner är inte de som en fil med noder eller band har: exportera en från appen för att se dem.',
  });
}
