// The HTTP surface as an attacker or a careless client meets it: security headers the web app
// works under, CORS closed unless configured, body limits, per-client rate limiting with
// Retry-After, no internals in error bodies, and logs with a request id and no secrets.
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { testApp, testDatabase } from '../helpers/api.ts';

const open = testApp();
afterAll(() => open.db.close());

describe('headers', () => {
  it('sends a Content-Security-Policy that allows only the app’s own origin', async () => {
    const res = await request(open.app).get('/api/health');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers every request with a request id, and keeps one the client sent', async () => {
    const res = await request(open.app).get('/api/health').set('X-Request-Id', 'trace-me-123');
    expect(res.headers['x-request-id']).toBe('trace-me-123');
    const fresh = await request(open.app).get('/api/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CORS', () => {
  it('is closed by default: another origin gets no allow header', async () => {
    const res = await request(open.app).get('/api/search').query({ q: 'who' }).set('Origin', 'https://elsewhere.example');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens to the origins configured, and only to them', async () => {
    const { app, db } = testApp({ CORS_ORIGINS: 'https://newsroom.example' });
    try {
      const allowed = await request(app).get('/api/health').set('Origin', 'https://newsroom.example');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://newsroom.example');
      const other = await request(app).get('/api/health').set('Origin', 'https://elsewhere.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await db.close();
    }
  });
});

describe('limits', () => {
  it('refuses a body over 5 MB with 413 and the JSON error shape', async () => {
    const res = await request(open.app)
      .post('/api/query')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ cypher: 'RETURN 1', params: { blob: 'x'.repeat(6 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rate-limits a client with 429 and Retry-After, and the JSON error shape', async () => {
    const { app, db } = testApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      let last: request.Response | undefined;
      for (let i = 0; i < 5; i++) {
        last = await request(app).get('/api/search').query({ q: 'who' });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      expect(last!.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await db.close();
    }
  });
});

describe('what leaks', () => {
  it('error bodies carry no stack traces or driver messages', async () => {
    const res = await request(open.app).post('/api/query').send({ cypher: 'MATCH (n RETURN n' });
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    expect(text).not.toMatch(/Neo\.ClientError/);
  });

  it('logs carry the request id and never the write token or an Authorization header', async () => {
    const lines: string[] = [];
    const token = 'a-very-secret-write-token-0123456789';
    const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0', WRITE_TOKEN: token });
    const db = testDatabase();
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const app = createApp({ db, config, log, version: 'test' });
    try {
      const wrong = await request(app).post('/api/import').set('Authorization', `Bearer ${token}x`).send({ nodes: [] });
      expect(wrong.status).toBe(401);
      await request(app).post('/api/import?dryRun=true').set('Authorization', `Bearer ${token}`).send({ nodes: [] });
      await request(app).get('/api/search').query({ q: 'who' }).set('Cookie', 'session=abc123');
    } finally {
      await db.close();
    }
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines.filter((l) => l.includes('request completed'))) expect(JSON.parse(line).req.id).toBeTruthy();
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/authorization/i);
    expect(all).not.toContain('abc123');
  });
});
