// People and roles (docs/curation.md, "Who may do what") as a user meets them, on the real
// Neo4j: accounts made with `npm run users` in a child process, sign-in with cookies, personal
// tokens, roles, CSRF, revocation, rate limits, sign-in to read, and logs without secrets.
// Every account here starts with PREFIX and is removed afterwards.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createUser } from '../../server/auth/accounts.ts';
import type { Role } from '../../server/auth/actor.ts';
import { loadConfig } from '../../server/config.ts';
import { testApp } from '../helpers/api.ts';
import { runCli, type CliResult } from '../helpers/cli.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const PREFIX = `acct${randomBytes(3).toString('hex')}-`;
const WRITE_TOKEN = 'accounts-test-write-token-0123456789';
const { app, db } = testApp({ WRITE_TOKEN });

async function user(suffix: string, role: Role): Promise<{ name: string; password: string; token: string }> {
  const name = PREFIX + suffix;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const made = await createUser(db, { name, role, password });
  if (!made) throw new Error(`${name} exists`);
  return { name, password, token: made.token };
}

async function signIn(name: string, password: string, target = app) {
  const res = await request(target).post('/api/session').send({ name, password });
  const cookie = (res.headers['set-cookie'] as unknown as string[] | undefined)?.[0] ?? '';
  return { res, cookie: cookie.split(';')[0]!, setCookie: cookie, csrf: res.body?.csrfToken as string };
}

/**
 * `npm run -s users -- ARGS` with `input` on standard input; the exit code instead of a throw.
 * The first call goes through npm, the others run the script's command (tests/helpers/cli.ts).
 */
let npmChecked = false;
function usersCli(args: string[], input = ''): Promise<CliResult> {
  const viaNpm = !npmChecked;
  npmChecked = true;
  return runCli('users', args, { input, viaNpm, env: { ...process.env, NEO4J_URI: inject('neo4jUri') } });
}

const cleanUp = () => db.write('accounts/delete-prefixed', { prefix: PREFIX });
beforeAll(cleanUp);
afterAll(async () => {
  await cleanUp();
  await db.close();
});

describe('npm run users', { timeout: 120_000 }, () => {
  it('adds an editor whose printed token (last line) works on an editor route and is refused on an admin one', async () => {
    const name = `${PREFIX}cli-ed`;
    const added = await usersCli(['add', name, '--role', 'editor', '--password-stdin'], 'a long enough password\n');
    expect(added.code, added.stderr).toBe(0);
    const token = added.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^me_[A-Za-z0-9_-]{43}$/);

    const made = await request(app).post('/api/tokens').set('Authorization', `Bearer ${token}`).send({ label: 'from the test' });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^me_/);
    const list = await request(app).get('/api/tokens').set('Authorization', `Bearer ${token}`);
    expect(list.body.tokens.map((t: { label: string }) => t.label).sort()).toEqual(['first token', 'from the test']);
    expect(JSON.stringify(list.body)).not.toContain(token);

    const admin = await request(app).post('/api/import?dryRun=true').set('Authorization', `Bearer ${token}`).send({ nodes: [] });
    expect(admin.status).toBe(403);
    expect(admin.body.error.code).toBe('FORBIDDEN');
    expect(admin.body.error.message).toContain('admin');

    const signedIn = await signIn(name, 'a long enough password');
    expect(signedIn.res.status).toBe(200);
    expect(signedIn.res.body.user).toEqual({ name, role: 'editor' });
  });

  it('adds an admin whose token may import; a taken name, a short password or a bad role change nothing', async () => {
    const name = `${PREFIX}cli-ad`;
    const added = await usersCli(['add', name, '--role', 'admin', '--password-stdin'], 'another long password');
    expect(added.code, added.stderr).toBe(0);
    const token = added.stdout.trim().split('\n').at(-1)!;
    const res = await request(app).post('/api/import?dryRun=true').set('Authorization', `Bearer ${token}`).send({ nodes: [] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    const before = await graphDigest(db);
    const again = await usersCli(['add', name, '--role', 'editor', '--password-stdin'], 'yet another password');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already');
    expect((await usersCli(['add', `${PREFIX}short`, '--role', 'editor', '--password-stdin'], 'short')).code).toBe(2);
    expect((await usersCli(['add', `${PREFIX}bad-role`, '--role', 'owner', '--password-stdin'], 'long enough pw 1')).code).toBe(2);
    expect((await usersCli(['add', '<b>x</b>', '--role', 'editor', '--password-stdin'], 'long enough pw 1')).code).toBe(2);
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });

  it('lists, disables, enables, resets and revokes', async () => {
    const u = await user('life', 'editor');
    const { cookie } = await signIn(u.name, u.password);
    const listed = await usersCli(['list']);
    expect(listed.stdout).toMatch(new RegExp(`^${u.name}\\teditor\\tactive\\t1 token\\(s\\)\\t1 session\\(s\\)`, 'm'));
    expect(listed.stdout).not.toContain('scrypt');

    expect((await usersCli(['disable', u.name])).code).toBe(0);
    // Disabling ends the sessions; the token is refused while the account is disabled.
    expect((await request(app).get('/api/tokens').set('Cookie', cookie)).status).toBe(401);
    expect((await request(app).get('/api/tokens').set('Authorization', `Bearer ${u.token}`)).status).toBe(403);
    expect((await usersCli(['enable', u.name])).code).toBe(0);
    expect((await request(app).get('/api/tokens').set('Authorization', `Bearer ${u.token}`)).status).toBe(200);

    const second = await signIn(u.name, u.password);
    const reset = await usersCli(['reset', u.name, '--password-stdin'], 'the new password 1');
    expect(reset.code, reset.stderr).toBe(0);
    expect((await request(app).get('/api/tokens').set('Cookie', second.cookie)).status).toBe(401);
    expect((await signIn(u.name, u.password)).res.status).toBe(401);
    expect((await signIn(u.name, 'the new password 1')).res.status).toBe(200);

    const tokens = await usersCli(['tokens', u.name]);
    const [id, state, , label] = tokens.stdout.trim().split('\t');
    expect([state, label]).toEqual(['active', 'first token']);
    const revoked = await usersCli(['revoke-token', id!]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await usersCli(['tokens', u.name])).stdout).toMatch(/^tok_\S+\trevoked \d{4}-\d\d-\d\d\t/);
    expect((await request(app).get('/api/tokens').set('Authorization', `Bearer ${u.token}`)).status).toBe(401);
    expect((await usersCli(['disable', `${PREFIX}nobody`])).code).toBe(1);
  });
});

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Strict cookie, and GET /api/session knows the user and the CSRF token', async () => {
    const u = await user('cookie', 'editor');
    const { res, cookie, setCookie, csrf } = await signIn(u.name, u.password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: { name: u.name, role: 'editor' }, csrfToken: expect.any(String) });
    expect(setCookie).toMatch(/^me_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const state = await request(app).get('/api/session').set('Cookie', cookie);
    expect(state.body).toEqual({ user: { name: u.name, role: 'editor' }, csrfToken: csrf, readRequiresSignIn: false });
    expect((await request(app).get('/api/session')).body).toEqual({ user: null, csrfToken: null, readRequiresSignIn: false });

    const end = await request(app).post('/api/session/end').set('Cookie', cookie);
    expect(end.status).toBe(204);
    expect(String(end.headers['set-cookie'])).toMatch(/me_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await request(app).get('/api/session').set('Cookie', cookie)).body.user).toBeNull();
    const stale = await request(app).post('/api/tokens').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({ label: 'x' });
    expect(stale.status).toBe(401);
  });

  it('answers a wrong password and an unknown name with the same 401', async () => {
    const u = await user('same', 'editor');
    const wrong = await signIn(u.name, `${u.password}x`);
    const unknown = await signIn(`${PREFIX}nobody`, u.password);
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.body).toEqual(unknown.res.body);
    expect(wrong.setCookie).toBe('');
  });

  it('refuses a disabled account with 403 after its right password, and 401 after a wrong one', async () => {
    const u = await user('off', 'editor');
    await db.write('accounts/save-user-disabled', { name: u.name, disabled: true });
    const right = await signIn(u.name, u.password);
    expect(right.res.status).toBe(403);
    expect(right.res.body.error.code).toBe('FORBIDDEN');
    expect(right.setCookie).toBe('');
    expect((await signIn(u.name, 'not the password')).res.status).toBe(401);
  });

  it('allows five failed attempts per name and client a minute, then 429 with Retry-After; other names go on', async () => {
    const { app: fresh, db: freshDb } = testApp({ WRITE_TOKEN });
    try {
      const u = await user('limit', 'editor');
      for (let i = 0; i < 5; i++) expect((await signIn(u.name, `wrong ${i}`, fresh)).res.status).toBe(401);
      const limited = await signIn(u.name, u.password, fresh);
      expect(limited.res.status).toBe(429);
      expect(limited.res.body.error.code).toBe('RATE_LIMITED');
      expect(Number(limited.res.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.setCookie).toBe('');
      expect((await signIn(`${PREFIX}other`, 'wrong', fresh)).res.status).toBe(401);
    } finally {
      await freshDb.close();
    }
  });
});

describe('writes and roles', () => {
  it('refuses a cookie write without the CSRF token (403 CSRF_FAILED), writing nothing; with it the write goes through', async () => {
    const u = await user('csrf', 'admin');
    const { cookie, csrf } = await signIn(u.name, u.password);
    const before = await graphDigest(db);
    const bare = await request(app).post('/api/tokens').set('Cookie', cookie).send({ label: 'forged' });
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('CSRF_FAILED');
    expect(bare.body.error.details[0].path).toBe('headers.x-csrf-token');
    const wrong = await request(app).post('/api/tokens').set('Cookie', cookie).set('X-CSRF-Token', `${csrf}x`).send({ label: 'forged' });
    expect(wrong.body.error.code).toBe('CSRF_FAILED');
    const imported = await request(app)
      .post('/api/import')
      .set('Cookie', cookie)
      .send({ nodes: [{ id: `${PREFIX}forged`, label: 'Agency', name: 'Forged' }] });
    expect(imported.body.error.code).toBe('CSRF_FAILED');
    expect(await graphDigest(db)).toEqual(before);

    const ok = await request(app).post('/api/tokens').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({ label: 'real' });
    expect(ok.status).toBe(201);
    // A read needs no CSRF token.
    expect((await request(app).get('/api/tokens').set('Cookie', cookie)).status).toBe(200);
  });

  it('stops a revoked token at once (401), and an editor may revoke only their own tokens', async () => {
    const a = await user('rev-a', 'editor');
    const b = await user('rev-b', 'editor');
    const made = await request(app).post('/api/tokens').set('Authorization', `Bearer ${a.token}`).send({ label: 'to revoke' });
    expect((await request(app).get('/api/tokens').set('Authorization', `Bearer ${made.body.token}`)).status).toBe(200);
    const other = await request(app).post(`/api/tokens/${made.body.id}/revoke`).set('Authorization', `Bearer ${b.token}`);
    expect(other.status).toBe(404);
    const revoked = await request(app).post(`/api/tokens/${made.body.id}/revoke`).set('Authorization', `Bearer ${a.token}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ id: made.body.id, revokedAt: expect.any(String) });
    const after = await request(app).get('/api/tokens').set('Authorization', `Bearer ${made.body.token}`);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHORIZED');
    expect(after.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it('lets the WRITE_TOKEN act as an admin, and refuses writes with no credentials or made-up ones', async () => {
    expect(
      (await request(app).post('/api/import?dryRun=true').set('Authorization', `Bearer ${WRITE_TOKEN}`).send({ nodes: [] })).status,
    ).toBe(200);
    expect((await request(app).post('/api/tokens').send({ label: 'x' })).status).toBe(401);
    expect((await request(app).post('/api/tokens').set('Authorization', 'Bearer me_madeup').send({ label: 'x' })).status).toBe(401);
    expect((await request(app).post('/api/tokens').set('Cookie', 'me_session=madeup').send({ label: 'x' })).status).toBe(401);
    // The write token belongs to no account, so it has no personal tokens to make.
    expect((await request(app).post('/api/tokens').set('Authorization', `Bearer ${WRITE_TOKEN}`).send({ label: 'x' })).status).toBe(403);
  });
});

describe('READ_REQUIRES_SIGN_IN=1', () => {
  it('closes reads to anyone not signed in, but not health, the session endpoints or the OpenAPI document', async () => {
    const { app: closed, db: closedDb } = testApp({ READ_REQUIRES_SIGN_IN: '1' });
    try {
      const u = await user('reader', 'editor');
      const anon = await request(closed).get('/api/search').query({ q: 'WHO' });
      expect(anon.status).toBe(401);
      expect(anon.body.error.code).toBe('UNAUTHORIZED');
      expect((await request(closed).get('/api/nodes/who')).status).toBe(401);
      expect((await request(closed).get('/api/health')).status).toBe(200);
      expect((await request(closed).get('/api/openapi.json')).status).toBe(200);
      expect((await request(closed).get('/api/session')).body).toEqual({ user: null, csrfToken: null, readRequiresSignIn: true });

      expect((await request(closed).get('/api/search').query({ q: 'WHO' }).set('Authorization', `Bearer ${u.token}`)).status).toBe(200);
      const { cookie } = await signIn(u.name, u.password, closed);
      const signedIn = await request(closed).get('/api/search').query({ q: 'WHO' }).set('Cookie', cookie);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.hits.length).toBeGreaterThan(0);
      expect((await request(closed).get('/api/search').query({ q: 'WHO' }).set('Cookie', 'me_session=stale')).status).toBe(401);
    } finally {
      await closedDb.close();
    }
  });

  it('is off by default: reads need nothing', async () => {
    expect((await request(app).get('/api/search').query({ q: 'WHO' })).status).toBe(200);
  });
});

describe('logs', () => {
  it('name the user for sign-in, sign-out and tokens, and never carry a password, token, session id or CSRF token', async () => {
    const lines: string[] = [];
    const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0', WRITE_TOKEN });
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const logged = createApp({ db, config, log, version: 'test' });
    const u = await user('logged', 'editor');
    const failed = await request(logged)
      .post('/api/session')
      .send({ name: u.name, password: `${u.password}-wrong` });
    expect(failed.status).toBe(401);
    const { cookie, csrf } = await signIn(u.name, u.password, logged);
    const session = cookie.split('=')[1]!;
    const made = await request(logged).post('/api/tokens').set('Cookie', cookie).set('X-CSRF-Token', csrf).send({ label: 'logged' });
    await request(logged).get('/api/tokens').set('Authorization', `Bearer ${made.body.token}`);
    await request(logged).post(`/api/tokens/${made.body.id}/revoke`).set('Authorization', `Bearer ${u.token}`);
    await request(logged).post('/api/session/end').set('Cookie', cookie);

    const all = lines.join('\n');
    const events = lines.map((l) => JSON.parse(l) as { event?: string; user?: string; outcome?: string }).filter((l) => l.event);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'sign-in', user: u.name, outcome: 'wrong' }),
        expect.objectContaining({ event: 'sign-in', user: u.name, outcome: 'ok' }),
        expect.objectContaining({ event: 'token-created', user: u.name }),
        expect.objectContaining({ event: 'token-revoked', user: u.name }),
        expect.objectContaining({ event: 'sign-out', user: u.name }),
      ]),
    );
    for (const secret of [u.password, u.token, made.body.token as string, session, csrf]) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/authorization|cookie|csrf/i);
  });
});

describe('the OpenAPI document', () => {
  it('describes 401 and 403 with the security schemes where a role is needed, and 401 and 429 for sign-in', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body;
    for (const [path, method] of [
      ['/api/import', 'post'],
      ['/api/tokens', 'get'],
      ['/api/tokens', 'post'],
      ['/api/tokens/{id}/revoke', 'post'],
    ] as const) {
      const op = doc.paths[path][method];
      expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
      expect(op.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    }
    expect(Object.keys(doc.paths['/api/session'].post.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '429']));
    expect(doc.paths['/api/session'].post.responses['429'].description).toContain('failed sign-ins');
    expect(Object.keys(doc.paths['/api/session/end'].post.responses)).toContain('204');
    expect(doc.paths['/api/tokens'].post.responses['201']).toBeDefined();
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'me_session' });
  });
});
