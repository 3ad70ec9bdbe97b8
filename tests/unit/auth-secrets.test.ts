// Password hashing and the random secrets behind tokens and sessions, as the accounts rely on
// them: a wrong password fails, the stored form says how it was made, and no two hashes or
// tokens are alike.
import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts';
import { csrfTokenFor, hashSecret, newApiToken, newSessionId, newTokenId, sameSecret, TOKEN_PREFIX } from '../../server/auth/secrets.ts';
import { Actor, AUTOMATION, hasRole, UserName } from '../../server/auth/actor.ts';

/** A stored hash made here with Node's scrypt directly, so the module is checked against it. */
function madeHere(password: string, n: number, r: number, p: number): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: n, r, p, maxmem: 512 * 1024 * 1024 });
  return ['scrypt', n, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

// scrypt at N=2^15 is made to cost CPU: on a busy machine a few hashes take seconds.
describe('password hashing', { timeout: 30_000 }, () => {
  it('accepts the password it was made from and refuses any other', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('is stored as scrypt$N$r$p$salt$hash with N=2^15, r=8, p=1, a 16-byte salt and no trace of the password', async () => {
    const stored = await hashPassword('hunter2hunter2');
    const [kdf, n, r, p, salt, hash] = stored.split('$');
    expect([kdf, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64url')).toHaveLength(32);
    expect(stored).not.toContain('hunter2');
  });

  it('salts every hash differently, so equal passwords do not look equal', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('refuses a stored value that is not one of its hashes, or one with absurd parameters', async () => {
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    const stored = await hashPassword('x');
    expect(await verifyPassword('x', stored.replace('$32768$', '$1073741824$'))).toBe(false);
    expect(await verifyPassword('x', `x${stored}`)).toBe(false);
    expect(await verifyPassword('x', `${stored}$more`)).toBe(false);
    // A key cut short is a different hash, not an error.
    expect(await verifyPassword('x', stored.slice(0, -4))).toBe(false);
    expect(await verifyPassword('x', madeHere('x', 1024, 33, 1))).toBe(false);
    expect(await verifyPassword('x', madeHere('x', 1024, 8, 17))).toBe(false);
  });

  it('hashes as scrypt itself does with the stated parameters, and reads hashes made with others up to its limits', async () => {
    const stored = await hashPassword('independent check');
    const [, n, r, p, salt, hash] = stored.split('$');
    const key = scryptSync('independent check', Buffer.from(salt!, 'base64url'), 32, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: 256 * 1024 * 1024,
    });
    expect(key.toString('base64url')).toBe(hash);
    for (const [cn, cr, cp] of [
      [1024, 32, 1],
      [1024, 10, 1],
      [1024, 8, 16],
    ] as const) {
      expect(await verifyPassword('limits', madeHere('limits', cn, cr, cp)), `N=${cn} r=${cr} p=${cp}`).toBe(true);
    }
  });
});

describe('tokens and session ids', () => {
  it('are random, carry the token prefix, and are stored as a SHA-256 that does not contain them', () => {
    const [t1, t2] = [newApiToken(), newApiToken()];
    expect(TOKEN_PREFIX).toBe('me_');
    expect(t1).toMatch(/^me_[A-Za-z0-9_-]{43}$/);
    expect(t1).not.toBe(t2);
    expect(Buffer.from(t1.slice(TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(hashSecret(t1)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(t1)).not.toBe(hashSecret(t2));
    expect(newSessionId()).not.toBe(newSessionId());
    expect(sameSecret(t1, t1)).toBe(true);
    expect(sameSecret(t1, t2)).toBe(false);
    expect(hashSecret('å')).toBe(createHash('sha256').update('å', 'utf8').digest('hex'));
  });

  it('give tokens a public id, distinct each time', () => {
    const [a, b] = [newTokenId(), newTokenId()];
    expect(a).toMatch(/^tok_[A-Za-z0-9_-]{12}$/);
    expect(a).not.toBe(b);
  });

  it('derive a session’s CSRF token from its id: the same every time, unlike the stored hash, and unguessable from it', () => {
    const id = newSessionId();
    expect(csrfTokenFor(id)).toBe(csrfTokenFor(id));
    expect(csrfTokenFor(id)).toBe(createHash('sha256').update(`csrf:${id}`, 'utf8').digest('base64url'));
    expect(csrfTokenFor(id)).not.toBe(csrfTokenFor(newSessionId()));
    expect(csrfTokenFor(id)).not.toContain(id);
    expect(Buffer.from(csrfTokenFor(id), 'base64url').toString('hex')).not.toBe(hashSecret(id));
  });
});

describe('roles', () => {
  it('lets an admin do what an editor may, and not the other way round', () => {
    const editor: Actor = { name: 'e', role: 'editor', via: 'token' };
    const admin: Actor = { name: 'a', role: 'admin', via: 'session' };
    expect(hasRole(editor, 'editor')).toBe(true);
    expect(hasRole(admin, 'editor')).toBe(true);
    expect(hasRole(admin, 'admin')).toBe(true);
    expect(hasRole(editor, 'admin')).toBe(false);
  });

  it('makes the write token an admin called automation, and knows only three ways in', () => {
    expect(AUTOMATION).toEqual({ name: 'automation', role: 'admin', via: 'write-token' });
    for (const via of ['session', 'token', 'write-token']) expect(Actor.safeParse({ name: 'x', role: 'editor', via }).success).toBe(true);
    expect(Actor.safeParse({ name: 'x', role: 'editor', via: 'cookie' }).success).toBe(false);
    expect(Actor.safeParse({ name: 'x', role: 'owner', via: 'token' }).success).toBe(false);
  });
});

describe('account names', () => {
  it.each(['anna', 'Åsa.Berg', 'ed-2', 'x_y'])('accepts %s', (n) => expect(UserName.safeParse(n).success).toBe(true));
  it.each(['', '<script>', 'a b', '-lead', 'automation', 'Automation', 'x'.repeat(65)])('refuses %j', (n) =>
    expect(UserName.safeParse(n).success).toBe(false),
  );
  it('says why a name is refused', () => {
    expect(UserName.safeParse('<b>').error?.issues[0]?.message).toMatch(/^expected 1–64 letters, digits/);
    expect(UserName.safeParse('automation').error?.issues[0]?.message).toMatch(/reserved for the WRITE_TOKEN/);
  });
});
