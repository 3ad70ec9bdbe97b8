// Credentials used the wrong way round, forged, oversized or mixed, each answered with a clear
// 4xx and nothing written (whole-store digest). Every account starts with PREFIX and is
// removed afterwards.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/auth/accounts.ts';
import { testApp } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const PREFIX = `hostile${randomBytes(3).toString('hex')}-`;
const WRITE_TOKEN = 'hostile-test-write-token-0123456789';
const { app, db } = testApp({ WRITE_TOKEN });

let editor: { name: string; password: string; token: string; cookie: string; csrf: string };
let other: { cookie: string; csrf: string };

async function account(suffix: string) {
  const name = PREFIX + suffix;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const made = await createUser(db, { name, role: 'editor', password });
  const res = await request(app).post('/api/session').send({ name, password });
  const cookie = String((res.headers['set-cookie'] as unknown as string[])[0]).split(';')[0]!;
  return { name, password, token: made!.token, cookie, csrf: res.body.csrfToken as string };
}

const cleanUp = () => db.write('accounts/delete-prefixed', { prefix: PREFIX });
beforeAll(async () => {
  await cleanUp();
  editor = await account('ed');
  other = await account('other');
});
afterAll(async () => {
  await cleanUp();
  await db.close();
});

describe('credentials used the wrong way', () => {
  it('refuses every forgery with 401 or 403 and writes nothing', async () => {
    const sessionId = editor.cookie.split('=')[1]!;
    const before = await graphDigest(db);
    const attempts: Array<[string, request.Test, number, string]> = [
      [
        'another session’s CSRF token',
        request(app).post('/api/tokens').set('Cookie', editor.cookie).set('X-CSRF-Token', other.csrf),
        403,
        'CSRF_FAILED',
      ],
      [
        'the CSRF token as a bearer token',
        request(app).post('/api/tokens').set('Authorization', `Bearer ${editor.csrf}`),
        401,
        'UNAUTHORIZED',
      ],
      [
        'the session id as a bearer token',
        request(app).post('/api/tokens').set('Authorization', `Bearer ${sessionId}`),
        401,
        'UNAUTHORIZED',
      ],
      [
        'an API token as the session cookie',
        request(app).post('/api/tokens').set('Cookie', `me_session=${editor.token}`),
        401,
        'UNAUTHORIZED',
      ],
      [
        'a token with one character changed',
        request(app)
          .post('/api/tokens')
          .set('Authorization', `Bearer ${editor.token.slice(0, -1)}${editor.token.endsWith('A') ? 'B' : 'A'}`),
        401,
        'UNAUTHORIZED',
      ],
      ['Cypher in the token', request(app).post('/api/tokens').set('Authorization', "Bearer me_' OR 1=1 //"), 401, 'UNAUTHORIZED'],
      [
        'a 6 KB token',
        request(app)
          .post('/api/tokens')
          .set('Authorization', `Bearer me_${'x'.repeat(6000)}`),
        401,
        'UNAUTHORIZED',
      ],
      [
        'Basic instead of Bearer',
        request(app)
          .post('/api/tokens')
          .set('Authorization', `Basic ${Buffer.from(`${editor.name}:${editor.password}`).toString('base64')}`),
        401,
        'UNAUTHORIZED',
      ],
      [
        'an editor’s token on the admin route',
        request(app).post('/api/import').set('Authorization', `Bearer ${editor.token}`),
        403,
        'FORBIDDEN',
      ],
      [
        'an editor’s session on the admin route',
        request(app).post('/api/import').set('Cookie', editor.cookie).set('X-CSRF-Token', editor.csrf),
        403,
        'FORBIDDEN',
      ],
    ];
    for (const [what, req, status, code] of attempts) {
      const res = await req.send({ label: `<script>alert(1)</script>`, nodes: [{ id: `${PREFIX}x`, label: 'Agency', name: 'x' }] });
      expect(res.status, what).toBe(status);
      expect(res.body.error.code, what).toBe(code);
      expect(JSON.stringify(res.body), what).not.toContain(editor.token);
    }
    expect(await graphDigest(db)).toEqual(before);
  });

  it('takes the bearer token over a cookie, so a script’s token needs no CSRF token even beside a cookie', async () => {
    const res = await request(app)
      .post('/api/tokens')
      .set('Cookie', other.cookie)
      .set('Authorization', `Bearer ${editor.token}`)
      .send({ label: 'bearer wins' });
    expect(res.status).toBe(201);
    const mine = await request(app).get('/api/tokens').set('Authorization', `Bearer ${editor.token}`);
    expect(mine.body.tokens.map((t: { label: string }) => t.label)).toContain('bearer wins');
  });

  it('keeps markup in a token label as text, and refuses a label that is empty, too long or has extra fields', async () => {
    const label = '<img src=x onerror=alert(1)>';
    const made = await request(app).post('/api/tokens').set('Authorization', `Bearer ${editor.token}`).send({ label });
    expect(made.status).toBe(201);
    expect(made.headers['content-type']).toMatch(/^application\/json/);
    expect(made.body.label).toBe(label);
    const before = await graphDigest(db);
    for (const body of [{ label: '   ' }, { label: 'x'.repeat(101) }, { label: 'ok', owner: 'someone-else' }, {}]) {
      const res = await request(app).post('/api/tokens').set('Authorization', `Bearer ${editor.token}`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details[0].path).toMatch(/^body/);
    }
    expect(await graphDigest(db)).toEqual(before);
  });
});

describe('sign-in bodies', () => {
  it('refuses oversized or malformed sign-ins with 400 before any password is checked, and sets no cookie', async () => {
    const before = await graphDigest(db);
    for (const body of [
      { name: editor.name, password: 'x'.repeat(1001) },
      { name: 'x'.repeat(201), password: 'x' },
      { name: editor.name },
      { name: editor.name, password: editor.password, role: 'admin' },
      { name: ['a'], password: 'x' },
    ]) {
      const res = await request(app).post('/api/session').send(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(await graphDigest(db)).toEqual(before);
  });

  it('ends a session id planted in the browser before sign-in', async () => {
    const planted = editor.cookie;
    const res = await request(app).post('/api/session').set('Cookie', planted).send({ name: editor.name, password: editor.password });
    expect(res.status).toBe(200);
    const fresh = String((res.headers['set-cookie'] as unknown as string[])[0]).split(';')[0];
    expect(fresh).not.toBe(planted);
    expect((await request(app).get('/api/session').set('Cookie', planted)).body.user).toBeNull();
    expect((await request(app).get('/api/session').set('Cookie', fresh!)).body.user.name).toBe(editor.name);
  });
});
