// Errors as a person reads them, in English and Swedish: every request that goes wrong in a
// way a person can cause (a node that is not there, a kind of tie the graph does not know, a
// date or a recorded moment that cannot be read, a document the server cannot show, a
// comparison missing its dates) answers with a message free of ids, type names, field names
// and the other language; what a program needs (the field's path, the id asked for) stays in
// `details`.
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';
import { machineWords, otherLanguageWords } from '../helpers/report-text.ts';

const TOKEN = 'test-write-token-error-words-0123456789';
const { app, db } = testApp({ WRITE_TOKEN: TOKEN });
afterAll(() => db.close());

const CASES: Array<{ what: string; url: string; status: number; path: string; says: { en: RegExp; sv: RegExp } }> = [
  {
    what: 'an unknown node',
    url: '/api/nodes/no-such-node-here',
    status: 404,
    path: 'params.id',
    says: { en: /^The node is not in the graph/, sv: /^Noden finns inte i grafen/ },
  },
  {
    what: 'an unknown end of a route',
    url: '/api/paths?from=ukraine&to=no-such-node-here',
    status: 404,
    path: 'query.to',
    says: { en: /^The node given as the end is not in the graph/, sv: /^Noden som anges som slutet finns inte i grafen/ },
  },
  {
    what: 'an unknown second node of what two share',
    url: '/api/nodes/socialstyrelsen/common?with=no-such-node-here',
    status: 404,
    path: 'query.with',
    says: { en: /^The second node is not in the graph/, sv: /^Den andra noden finns inte i grafen/ },
  },
  {
    what: 'an unknown node above which to trace a chain',
    url: '/api/nodes/no-such-node-here/mandate-chain',
    status: 404,
    path: 'params.id',
    says: { en: /^The node is not in the graph/, sv: /^Noden finns inte i grafen/ },
  },
  {
    what: 'an unknown kind of tie',
    url: '/api/nodes/socialstyrelsen/neighborhood?types=NO_SUCH_TIE',
    status: 400,
    path: 'query.types.0',
    says: { en: /^The kind of tie is not one of the choices/, sv: /^Slaget av band är inte ett av valen/ },
  },
  {
    what: 'a date with no such month',
    url: '/api/representation?agent=socialstyrelsen&asOf=2016-13',
    status: 400,
    path: 'query.asOf',
    says: { en: /^The date .*: give a year, a month or a day/, sv: /^Datumet .*: ange ett år, en månad eller en dag/ },
  },
  {
    what: 'a recorded moment that cannot be read',
    url: '/api/representation?agent=socialstyrelsen&recordedAt=yesterday',
    status: 400,
    path: 'query.recordedAt',
    says: {
      en: /^The recorded version or moment .*: give a version number/,
      sv: /^Den registrerade versionen eller tidpunkten .*: ange ett versionsnummer/,
    },
  },
  {
    what: 'a document the server cannot show',
    url: '/api/sources/999_no-such-document.txt/lines?from=1&to=2',
    status: 404,
    path: 'params.file',
    says: { en: /lines cannot be shown/, sv: /rader kan inte visas/ },
  },
  {
    what: 'a comparison of dates without its node',
    url: '/api/diff?fromDate=2016&toDate=2024',
    status: 400,
    path: 'query.around',
    says: { en: /needs both dates and the node to compare around/, sv: /behöver båda datumen och noden att jämföra kring/ },
  },
  {
    what: 'a depth out of range and an unknown kind of node',
    url: '/api/nodes/socialstyrelsen/neighborhood?depth=9&labels=NoSuchKind',
    status: 400,
    path: 'query.depth',
    says: {
      en: /^The depth must be at most 3\. The kind of node is not one of the choices/,
      sv: /^Djupet får vara högst 3\. Slaget av nod/,
    },
  },
];

describe.each(['en', 'sv'] as const)('errors in people’s words (%s)', (lang) => {
  it.each(CASES)('$what', async ({ url, status, path, says }) => {
    // The language as the web app asks for it (a header), or as a question's own parameter.
    const res = await request(app).get(url).set('Accept-Language', lang);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const { message, details } = res.body.error as { message: string; details: Array<{ path: string }> };
    expect(message).toMatch(says[lang]);
    expect(machineWords(message, ['no-such-node-here', '999_no-such-document.txt', 'NoSuchKind'])).toEqual([]);
    expect(otherLanguageWords(message, lang)).toEqual([]);
    expect(message).not.toMatch(/query\.|params\.|NO_SUCH_TIE|yesterday|2016-13/);
    // Programs still find the field at fault.
    expect(details.map((d) => d.path)).toContain(path);
    const byParam = await request(app).get(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
    if (byParam.status === status) expect(byParam.body.error.message).toBe(message);
  });
});

// The editors' side: curation (history, revert, saved views, review, a change to an element that
// is not there), tokens, imports and figures. Each bad request is refused in the language asked
// for, naming nothing by its id, its type or its field; nothing is written.
const WRITES: Array<{
  what: string;
  method: 'get' | 'post';
  url: string;
  body?: unknown;
  text?: string;
  status: number;
  path: string;
  says: { en: RegExp; sv: RegExp };
}> = [
  {
    what: 'a change set that is not in the history',
    method: 'get',
    url: '/api/changes/cs-999999',
    status: 404,
    path: 'params.id',
    says: { en: /^That change set is not in the history/, sv: /^Den ändringen finns inte i historiken/ },
  },
  {
    what: 'the history of an element never recorded',
    method: 'get',
    url: '/api/history/no-such-node-here',
    status: 404,
    path: 'params.id',
    says: { en: /^Nothing has been recorded about that element/, sv: /^Inget har registrerats om det elementet/ },
  },
  {
    what: 'reverting a change set that is not there',
    method: 'post',
    url: '/api/changes/cs-999999/revert',
    body: { reason: 'Testing errors in people’s words' },
    status: 404,
    path: 'params.id',
    says: { en: /^That change set is not in the history/, sv: /^Den ändringen finns inte i historiken/ },
  },
  {
    what: 'a change set asked for by something that is no change set’s id',
    method: 'get',
    url: '/api/changes/not-a-change-set',
    status: 400,
    path: 'params.id',
    says: { en: /^The address does not name anything the app holds/, sv: /^Adressen anger inget som appen har/ },
  },
  {
    what: 'a saved view that is not there',
    method: 'get',
    url: '/api/views/view-000000000000',
    status: 404,
    path: 'params.id',
    says: { en: /^That saved view is not there/, sv: /^Den sparade vyn finns inte/ },
  },
  {
    what: 'settling a fact that waits for no review',
    method: 'post',
    url: '/api/review/tie/no-such-node-here',
    body: { action: 'retire', rev: 0, reason: 'Testing errors in people’s words' },
    status: 404,
    path: 'params.id',
    says: { en: /^That fact is not waiting for review here/, sv: /^Det faktumet väntar inte på granskning här/ },
  },
  {
    what: 'an edit of an element that is not there',
    method: 'post',
    url: '/api/changes',
    body: {
      reason: 'Testing errors in people’s words',
      sources: [{ file: '001_1c1597dd7120e666.txt', lines: 'L16' }],
      ops: [{ op: 'updateNode', id: 'no-such-node-here', rev: 0, set: { descriptionEn: 'x' } }],
    },
    status: 404,
    path: 'body.ops[0].id',
    says: { en: /^One element to change is not in the graph/, sv: /^Ett element att ändra finns inte i grafen/ },
  },
  {
    what: 'revoking a token that is not there',
    method: 'post',
    url: '/api/tokens/no-such-token/revoke',
    status: 404,
    path: 'params.id',
    says: { en: /^That token is not among those you may revoke/, sv: /^Den nyckeln finns inte bland dem du får återkalla/ },
  },
  {
    what: 'an import with no records',
    method: 'post',
    url: '/api/import',
    text: ' ',
    status: 400,
    path: 'body',
    says: { en: /^The request holds no records to import/, sv: /^Begäran innehåller inga poster att importera/ },
  },
  {
    what: 'an import that is not JSON',
    method: 'post',
    url: '/api/import?format=json',
    text: '{"nodes": [',
    status: 400,
    path: 'file',
    says: { en: /^The file cannot be read as JSON/, sv: /^Filen går inte att läsa som JSON/ },
  },
  {
    what: 'a figure around a node that is not there',
    method: 'post',
    url: '/api/figure',
    body: { format: 'svg', root: 'no-such-node-here' },
    status: 400,
    path: 'body.root',
    says: { en: /^The node to draw around is not in the graph/, sv: /^Noden att rita runt finns inte i grafen/ },
  },
];

describe.each(['en', 'sv'] as const)('editors’ errors in people’s words (%s)', (lang) => {
  it.each(WRITES)('$what', async ({ method, url, body, text, status, path, says }) => {
    let req = request(app)[method](url).set('Accept-Language', lang).set('Authorization', `Bearer ${TOKEN}`);
    if (text !== undefined) req = req.set('Content-Type', 'text/plain').send(text);
    else if (body !== undefined) req = req.send(body as object);
    const res = await req;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const { message, details } = res.body.error as { message: string; details: Array<{ path: string }> };
    expect(message).toMatch(says[lang]);
    expect(machineWords(message, ['no-such-node-here', 'no-such-token'])).toEqual([]);
    expect(message).not.toMatch(/no-such|cs-999999|view-0|params\.|body\.|WRITE_TOKEN|updateNode|Unexpected|position \d/);
    expect(otherLanguageWords(message, lang)).toEqual([]);
    expect(details.map((d) => d.path)).toContain(path);
  });
});
