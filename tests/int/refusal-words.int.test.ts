// Refusals in the asker's language: signing in and tokens, the CSRF check, the rate limits and
// the readers' lanes (with Retry-After), conflicts of editing and importing, the database out of
// reach, the console, and requests the server does not offer. Each kind is triggered for real
// and read in English and Swedish (the language from `lang`, else Accept-Language): the message
// is in that language and names no id, type name, field or header; programs keep `details`.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { createApp } from '../../server/app.ts';
import { ReadLanes } from '../../server/api/read-lanes.ts';
import { createUser } from '../../server/auth/accounts.ts';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { testApp } from '../helpers/api.ts';
import { machineWords, otherLanguageWords } from '../helpers/report-text.ts';

const LANGS = ['en', 'sv'] as const;
type Lang = (typeof LANGS)[number];
const TOKEN = 'test-write-token-refusal-words-0123456789';
const PREFIX = `refw${randomBytes(3).toString('hex')}-`;
const { app, db, config } = testApp({ WRITE_TOKEN: TOKEN, SIGN_IN_ATTEMPTS_PER_MINUTE: '1' });
const silent = pino({ level: 'silent' });

// Apps of their own for what would disturb the others: no automation token, a rate limit of
// one a minute, lanes kept full by hand, a database that is not there.
const noToken = createApp({
  db,
  config: loadConfig({ ...process.env, SERVE_WEB: '0', RATE_LIMIT_PER_MINUTE: '100000' }),
  log: silent,
  version: 'test',
});
const limited = createApp({
  db,
  config: loadConfig({ ...process.env, SERVE_WEB: '0', RATE_LIMIT_PER_MINUTE: '1' }),
  log: silent,
  version: 'test',
});
const lanes = {
  reads: new ReadLanes({ concurrency: 1, perClient: 1, queuePerClient: 1, queue: 1 }),
  past: new ReadLanes({ concurrency: 1, perClient: 1, queuePerClient: 0, queue: 8 }, 'reads of the past'),
};
const busy = createApp({ db, config, log: silent, version: 'test', lanes });
const nowhere = new Database({ uri: 'bolt://127.0.0.1:9', user: 'neo4j', password: '' });
const down = createApp({ db: nowhere, config, log: silent, version: 'test' });

let editor = { name: '', cookie: '', csrf: '' };
const held: Array<() => void> = [];

beforeAll(async () => {
  await db.write('accounts/delete-prefixed', { prefix: PREFIX });
  const name = `${PREFIX}ed`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  await createUser(db, { name, role: 'editor', password });
  const res = await request(app).post('/api/session').send({ name, password });
  const cookie = ((res.headers['set-cookie'] as unknown as string[] | undefined)?.[0] ?? '').split(';')[0]!;
  editor = { name, cookie, csrf: res.body.csrfToken as string };
  // Other clients fill the lanes: one read runs and one waits in the lane of now; one runs in the past's.
  for (const [lane, client] of [
    [lanes.reads, 'other-1'],
    [lanes.reads, 'other-2'],
    [lanes.past, 'other-3'],
  ] as const)
    held.push(lane.enter(client).leave);
  // The limited app's one request of the minute.
  await request(limited).get('/api/health');
});
afterAll(async () => {
  for (const leave of held) leave();
  await db.write('accounts/delete-prefixed', { prefix: PREFIX });
  await Promise.all([db.close(), nowhere.close()]);
});

/** The seed's own record of Socialstyrelsen under another name: a conflict with the graph. */
const seedNode = readFileSync(join(REPO_ROOT, 'seed/data/nodes.jsonl'), 'utf8')
  .split('\n')
  .find((l) => l.includes('"id":"socialstyrelsen"'))!;
const conflicting = JSON.stringify({
  ...JSON.parse(seedNode),
  description: 'Another description, for the import test.',
  descriptionEn: 'Another description, for the import test.',
});

interface Case {
  what: string;
  send: (lang: Lang) => request.Test;
  status: number;
  code: string;
  says: Record<Lang, RegExp>;
  retryAfter?: boolean;
}

const CASES: Case[] = [
  {
    what: 'a write with no sign-in',
    send: (lang) => request(app).post(`/api/changes?lang=${lang}`).send({}),
    status: 401,
    code: 'UNAUTHORIZED',
    says: { en: /^You need to be signed in/, sv: /^Du behöver vara inloggad/ },
  },
  {
    what: 'an API token that is unknown',
    send: (lang) => request(app).post(`/api/changes?lang=${lang}`).set('Authorization', 'Bearer me_not-a-token-anyone-has').send({}),
    status: 401,
    code: 'UNAUTHORIZED',
    says: { en: /^The API token is not valid/, sv: /^API-nyckeln gäller inte/ },
  },
  {
    what: 'a session that has ended',
    send: (lang) => request(app).post(`/api/changes?lang=${lang}`).set('Cookie', 'me_session=ended-long-ago').send({}),
    status: 401,
    code: 'UNAUTHORIZED',
    says: { en: /^Your session has ended or expired/, sv: /^Din inloggning har avslutats/ },
  },
  {
    what: 'an automation token on a server that takes none',
    send: (lang) => request(noToken).post(`/api/changes?lang=${lang}`).set('Authorization', `Bearer ${TOKEN}`).send({}),
    status: 403,
    code: 'FORBIDDEN',
    says: { en: /^This server takes no automation token/, sv: /^Servern tar inte emot någon automatiseringsnyckel/ },
  },
  {
    what: 'a wrong password',
    send: (lang) =>
      request(app)
        .post(`/api/session?lang=${lang}`)
        .send({ name: `${PREFIX}nobody-${lang}`, password: 'wrong' }),
    status: 401,
    code: 'UNAUTHORIZED',
    says: { en: /^Wrong name or password\.$/, sv: /^Fel namn eller lösenord\.$/ },
  },
  {
    what: 'an editor doing what only an administrator may',
    send: (lang) => request(app).post(`/api/import?lang=${lang}`).set('Cookie', editor.cookie).set('X-CSRF-Token', editor.csrf).send([]),
    status: 403,
    code: 'FORBIDDEN',
    says: { en: /^Only an administrator may do this/, sv: /^Bara den som är administratör får göra detta/ },
  },
  {
    what: 'a signed-in write without the page’s check',
    send: (lang) => request(app).post(`/api/changes?lang=${lang}`).set('Cookie', editor.cookie).send({}),
    status: 403,
    code: 'CSRF_FAILED',
    says: { en: /reload the page and try again\.$/, sv: /ladda om sidan och försök igen\.$/ },
  },
  {
    what: 'too many requests in a minute',
    send: (lang) => request(limited).get(`/api/health?lang=${lang}`),
    status: 429,
    code: 'RATE_LIMITED',
    says: {
      en: /^Too many requests from here in a short time: wait 60 seconds/,
      sv: /^För många förfrågningar härifrån på kort tid: vänta 60 sekunder/,
    },
    retryAfter: true,
  },
  {
    what: 'a reader whose own queue is full',
    send: (lang) => request(busy).get(`/api/nodes/socialstyrelsen?lang=${lang}&recordedAt=1`),
    status: 429,
    code: 'RATE_LIMITED',
    says: { en: /^You already have as many questions waiting/, sv: /^Du har redan så många frågor i kö/ },
    retryAfter: true,
  },
  {
    what: 'a server whose queue is full',
    send: (lang) => request(busy).get(`/api/nodes/socialstyrelsen?lang=${lang}`),
    status: 503,
    code: 'SERVER_BUSY',
    says: { en: /^The server has as many questions waiting as it can hold/, sv: /^Servern har så många frågor i kö som den rymmer/ },
    retryAfter: true,
  },
  {
    what: 'the database out of reach',
    send: (lang) => request(down).get(`/api/nodes/socialstyrelsen?lang=${lang}`),
    status: 503,
    code: 'DATABASE_UNAVAILABLE',
    says: { en: /^The database cannot be reached right now/, sv: /^Databasen går inte att nå just nu/ },
    retryAfter: true,
  },
  {
    what: 'an edit of something changed since it was read',
    send: (lang) =>
      request(app)
        .post(`/api/changes?lang=${lang}`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .send({
          reason: 'Testing refusals in people’s words',
          sources: [{ file: '001_1c1597dd7120e666.txt', lines: 'L16' }],
          ops: [{ op: 'updateNode', id: 'socialstyrelsen', rev: 999_999, set: { descriptionEn: 'Never written.' } }],
        }),
    status: 409,
    code: 'CONFLICT',
    says: {
      en: /^What you edit was changed by someone else after you opened it; nothing was written/,
      sv: /^Det du redigerar ändrades av någon annan/,
    },
  },
  {
    what: 'an import that differs from the graph',
    send: (lang) =>
      request(app)
        .post(`/api/import?lang=${lang}`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'application/json')
        .send(`[${conflicting}]`),
    status: 409,
    code: 'CONFLICT',
    says: {
      en: /^One fact in the file differs from the one the graph holds; nothing was written/,
      sv: /^Ett faktum i filen skiljer sig från det som grafen har; inget skrevs/,
    },
  },
  {
    what: 'lines that end before they start',
    send: (lang) => request(app).get(`/api/sources/001_1c1597dd7120e666.txt/lines?from=9&to=2&lang=${lang}`),
    status: 400,
    code: 'BAD_REQUEST',
    says: { en: /^The lines asked for end before they start\.$/, sv: /^Raderna som efterfrågas slutar innan de börjar\.$/ },
  },
  {
    what: 'a version not made yet',
    send: (lang) => request(app).get(`/api/nodes/socialstyrelsen?lang=${lang}&recordedAt=99999999`),
    status: 400,
    code: 'BAD_REQUEST',
    says: { en: /^That version has not been made yet/, sv: /^Den versionen har inte gjorts än/ },
  },
  {
    what: 'a console statement that writes',
    send: (lang) => request(app).post(`/api/query?lang=${lang}`).send({ cypher: 'MATCH (n:Entity) SET n.x = 1' }),
    status: 400,
    code: 'QUERY_REJECTED',
    says: { en: /^The console only reads the graph/, sv: /^Konsolen läser bara grafen/ },
  },
  {
    what: 'a body that cannot be read',
    send: (lang) =>
      request(app)
        .post(`/api/changes?lang=${lang}`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'application/json')
        .send('{"ops": ['),
    status: 400,
    code: 'BAD_REQUEST',
    says: { en: /^What was sent cannot be read/, sv: /^Det som skickades går inte att läsa/ },
  },
  {
    what: 'an address the server does not offer',
    send: (lang) => request(app).get(`/api/no-such-thing?lang=${lang}`),
    status: 404,
    code: 'NOT_FOUND',
    says: { en: /^The server offers nothing at this address/, sv: /^Servern erbjuder inget på den här adressen/ },
  },
  {
    what: 'a method an address does not take',
    send: (lang) => request(app).delete(`/api/search?lang=${lang}`),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
    says: { en: /^This address does not take that kind of request/, sv: /^Den här adressen tar inte emot den sortens begäran/ },
  },
];

/** The sign-in limit (one failure a minute per name): the second failure is refused as such. */
const signInLimit: Case = {
  what: 'too many failed sign-ins',
  send: (lang) =>
    request(app)
      .post(`/api/session?lang=${lang}`)
      .send({ name: `${PREFIX}limit-${lang}`, password: 'wrong' }),
  status: 429,
  code: 'RATE_LIMITED',
  says: {
    en: /^Too many failed sign-ins for this name from here: wait 60 seconds/,
    sv: /^För många misslyckade inloggningar för det här namnet härifrån: vänta 60 sekunder/,
  },
  retryAfter: true,
};

function readsAsPeople(body: { error: { message: string; details: unknown[] } }, says: RegExp, lang: Lang): void {
  const { message } = body.error;
  expect(message).toMatch(says);
  expect(machineWords(message, [`${PREFIX}ed`, 'socialstyrelsen'])).toEqual([]);
  expect(otherLanguageWords(message, lang)).toEqual([]);
  // No header, setting, id or format name reaches a person.
  expect(message).not.toMatch(/Authorization|Bearer|CSRF|X-|WRITE_TOKEN|cookie|JSON|Neo4j|Cypher|\/api\/|socialstyrelsen|role\b/i);
  expect(Array.isArray(body.error.details)).toBe(true);
}

describe.each(LANGS)('refusals in the asker’s language (%s)', (lang) => {
  it.each(CASES)('$what', async ({ send, status, code, says, retryAfter }) => {
    const res = await send(lang);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
    readsAsPeople(res.body, says[lang], lang);
    if (retryAfter) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('too many failed sign-ins', async () => {
    await signInLimit.send(lang);
    const res = await signInLimit.send(lang);
    expect(res.status, JSON.stringify(res.body)).toBe(429);
    readsAsPeople(res.body, signInLimit.says[lang], lang);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('a request without `lang`', () => {
  it('is answered in the language of Accept-Language, else in English', async () => {
    const sv = await request(app).get('/api/no-such-thing').set('Accept-Language', 'sv-SE,sv;q=0.9,en;q=0.5');
    expect(sv.body.error.message).toMatch(CASES.find((c) => c.code === 'NOT_FOUND')!.says.sv);
    const other = await request(app).get('/api/no-such-thing').set('Accept-Language', 'fi');
    expect(other.body.error.message).toMatch(/^The server offers nothing/);
    const none = await request(app).get('/api/no-such-thing');
    expect(none.body.error.message).toMatch(/^The server offers nothing/);
  });
});
