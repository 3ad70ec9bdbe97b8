// Two promises of the README's Security and Architecture sections: X-Forwarded-For is trusted
// from loopback only (so a proxy on this machine gets a rate limit per real client, and nobody
// else can pick their own address), and a missing query file stops start-up.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { CYPHER_DIR, loadQueries } from '../../server/db/cypher-registry.ts';
import { testApp } from '../helpers/api.ts';

const limited = testApp({ RATE_LIMIT_PER_MINUTE: '2' });
afterAll(() => limited.db.close());

describe('X-Forwarded-For', () => {
  it('from loopback, each forwarded client has its own rate limit', async () => {
    // supertest connects from 127.0.0.1, as a reverse proxy on the same machine does.
    const from = (ip: string) => request(limited.app).get('/api/health').set('X-Forwarded-For', ip);
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(200);
    expect((await from('203.0.113.1')).status).toBe(429);
    // Another client behind the same proxy is not limited by the first one's requests.
    expect((await from('203.0.113.2')).status).toBe(200);
  });

  it('from any other address, the header is ignored', () => {
    const trust = limited.app.get('trust proxy fn') as (addr: string, hop: number) => boolean;
    for (const loopback of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(trust(loopback, 0), loopback).toBe(true);
    for (const other of ['10.0.0.1', '192.168.1.5', '203.0.113.9', '::2', 'fe80::1']) expect(trust(other, 0), other).toBe(false);
  });
});

describe('query files', () => {
  // The server's Database calls loadQueries() when it is made (server/db/database.ts), that is
  // in connect() at start-up, before the app listens.
  it('a missing .cypher file stops start-up with its name, before any request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mandate-cypher-'));
    try {
      cpSync(CYPHER_DIR, dir, { recursive: true });
      rmSync(join(dir, 'nodes', 'get-node.cypher'));
      expect(() => loadQueries(dir)).toThrow('cypher/: missing query files: nodes/get-node.cypher');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
