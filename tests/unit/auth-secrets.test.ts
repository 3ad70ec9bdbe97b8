// Password hashing and the random secrets behind tokens and sessions, as the accounts rely on
// them: a wrong password fails, the stored form says how it was made, and no two hashes or
// tokens are alike.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts';
import { hashSecret, newApiToken, newSessionId, sameSecret, TOKEN_PREFIX } from '../../server/auth/secrets.ts';
import { UserName } from '../../server/auth/actor.ts';

describe('password hashing', () => {
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
  });
});

describe('tokens and session ids', () => {
  it('are random, carry the token prefix, and are stored as a SHA-256 that does not contain them', () => {
    const [t1, t2] = [newApiToken(), newApiToken()];
    expect(t1.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(t1).not.toBe(t2);
    expect(Buffer.from(t1.slice(TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(hashSecret(t1)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(t1)).not.toBe(hashSecret(t2));
    expect(newSessionId()).not.toBe(newSessionId());
    expect(sameSecret(t1, t1)).toBe(true);
    expect(sameSecret(t1, t2)).toBe(false);
  });
});

describe('account names', () => {
  it.each(['anna', 'Åsa.Berg', 'ed-2', 'x_y'])('accepts %s', (n) => expect(UserName.safeParse(n).success).toBe(true));
  it.each(['', '<script>', 'a b', '-lead', 'automation', 'Automation', 'x'.repeat(65)])('refuses %j', (n) =>
    expect(UserName.safeParse(n).success).toBe(false),
  );
});
