// Layout arithmetic and the API client, without a browser or a server.
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, ApiError, queryString, type RetryNotice } from '../../web/src/api/client.ts';
import { errorMessage, retryMessage } from '../../web/src/api/messages.ts';
import { depthsFrom, layeredPositions, loadLayout, orientByType, placeNewNodes } from '../../web/src/graph/layouts.ts';
import { citationText, citedInWords, parseSource } from '../../web/src/ui/sources.ts';

describe('layouts', () => {
  // dagre comes in its own chunk, loaded when a layered layout first runs.
  beforeAll(() => loadLayout('dagre'));

  it('lays a chain of authority out top-down whatever each tie’s direction', () => {
    // post ← APPOINTS ← agency; agency UNDER ministry; ministry PART_OF government.
    const pairs = orientByType([
      { source: 'agency', target: 'post', type: 'APPOINTS' },
      { source: 'agency', target: 'ministry', type: 'UNDER' },
      { source: 'ministry', target: 'government', type: 'PART_OF' },
    ]);
    expect(pairs).toEqual([
      ['agency', 'post'],
      ['ministry', 'agency'],
      ['government', 'ministry'],
    ]);
    const p = layeredPositions(['post', 'agency', 'ministry', 'government'], pairs);
    expect(p.government!.y).toBeLessThan(p.ministry!.y);
    expect(p.ministry!.y).toBeLessThan(p.agency!.y);
    expect(p.agency!.y).toBeLessThan(p.post!.y);
  });

  it('ignores pairs that name nodes not laid out, loops and repeats', () => {
    const p = layeredPositions(
      ['a', 'b'],
      [
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'a'],
        ['a', 'zzz'],
      ],
    );
    expect(Object.keys(p).sort()).toEqual(['a', 'b']);
    expect(p.a!.y).toBeLessThan(p.b!.y);
  });

  it('measures breadth-first depth over ties either way', () => {
    const d = depthsFrom(
      'a',
      ['a', 'b', 'c', 'd'],
      [
        { source: 'b', target: 'a' },
        { source: 'b', target: 'c' },
      ],
    );
    expect([...d.entries()]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('places new nodes on a ring around the node they hang from, clear of the others', () => {
    const placed = { hub: { x: 100, y: 100 }, other: { x: 900, y: 900 }, blocker: { x: 100, y: -20 } };
    const p = placeNewNodes(
      ['n1', 'n2', 'n3', 'loner'],
      placed,
      [
        { source: 'hub', target: 'n1' },
        { source: 'n2', target: 'hub' },
        { source: 'hub', target: 'n3' },
        { source: 'n3', target: 'other' },
      ],
      { x: 0, y: 0 },
      { anchor: 'hub' },
    );
    for (const id of ['n1', 'n2', 'n3']) {
      const d = Math.hypot(p[id]!.x - 100, p[id]!.y - 100);
      expect(d).toBeGreaterThanOrEqual(119);
      expect(d).toBeLessThan(260);
    }
    // Nobody lands on anybody: old or new.
    const all = [...Object.values(placed), ...Object.values(p)];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) expect(Math.hypot(all[i]!.x - all[j]!.x, all[i]!.y - all[j]!.y)).toBeGreaterThanOrEqual(80);
    expect(Math.hypot(p.loner!.x, p.loner!.y)).toBeLessThan(260);
  });
});

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('ApiClient', () => {
  it('builds query strings from what is given, lists comma-joined', () => {
    expect(queryString({ q: 'WHO & co', labels: ['Agency', 'Ministry'], limit: 5, asOf: null, types: [] })).toBe(
      '?q=WHO%20%26%20co&labels=Agency%2CMinistry&limit=5',
    );
    expect(queryString({})).toBe('');
  });

  it('retries while the database is away, saying so, and then succeeds', async () => {
    const answers = [
      json(503, { error: { code: 'DATABASE_UNAVAILABLE', message: 'down', details: [] } }, { 'Retry-After': '2' }),
      json(200, { query: 'x', hits: [] }),
    ];
    const notices: RetryNotice[] = [];
    const waits: number[] = [];
    let ended: boolean | null = null;
    const api = new ApiClient({
      fetch: async () => answers.shift()!,
      onRetry: (n) => notices.push(n),
      onRetryEnd: (ok) => (ended = ok),
      sleep: async (ms) => void waits.push(ms),
    });
    await expect(api.search('x')).resolves.toEqual({ query: 'x', hits: [] });
    expect(notices).toHaveLength(1);
    expect(waits).toEqual([2000]);
    expect(ended).toBe(true);
    expect(retryMessage(notices[0]!)).toBe('The database is not reachable — retrying in 2 s (attempt 2 of 4).');
  });

  it('gives up after its attempts with an ApiError a person can read', async () => {
    let calls = 0;
    const api = new ApiClient({
      fetch: async () => (calls++, json(503, { error: { code: 'DATABASE_UNAVAILABLE', message: 'down', details: [] } })),
      sleep: async () => undefined,
      attempts: 3,
    });
    const err = await api.node('who').catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(err).toBeInstanceOf(ApiError);
    expect(errorMessage(err, 'loading the node')).toBe('Loading the node failed: the database is not reachable. Try again in a minute.');
  });

  it('does not retry a bad request, and keeps the details', async () => {
    let calls = 0;
    const api = new ApiClient({
      fetch: async () => (
        calls++,
        json(400, {
          error: {
            code: 'BAD_REQUEST',
            message: 'A path needs two different nodes.',
            details: [{ path: 'query.to', message: 'must differ' }],
          },
        })
      ),
    });
    const err = (await api.paths('who', 'who').catch((e: unknown) => e)) as ApiError;
    expect(calls).toBe(1);
    expect(err).toMatchObject({ status: 400, code: 'BAD_REQUEST', details: [{ path: 'query.to' }] });
    expect(errorMessage(err, 'finding paths')).toBe('Finding paths failed: A path needs two different nodes.');
  });

  it('turns an unreachable server into a message, and a non-JSON error page too', async () => {
    const offline = new ApiClient({
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
      sleep: async () => undefined,
      attempts: 2,
    });
    const err = await offline.health().catch((e: unknown) => e);
    expect(errorMessage(err, 'checking the server')).toMatch(/server is not reachable/);
    const proxy = new ApiClient({
      fetch: async () => new Response('<html>oops</html>', { status: 500, statusText: 'Internal Server Error' }),
    });
    const err2 = (await proxy.health().catch((e: unknown) => e)) as ApiError;
    expect(err2).toMatchObject({ status: 500, code: 'HTTP_500', message: 'Internal Server Error' });
  });

  it('takes a file’s name from the server', async () => {
    const api = new ApiClient({
      fetch: async (_url, init) => {
        expect(JSON.parse(String(init?.body))).toEqual({ format: 'graphml', ids: ['who'], asOf: '2016' });
        return new Response('<graphml/>', {
          status: 200,
          headers: { 'Content-Disposition': 'attachment; filename="mandate-explorer-selection-1.graphml"' },
        });
      },
    });
    const file = await api.exportFile({ format: 'graphml', ids: ['who'], asOf: '2016' });
    expect(file.filename).toBe('mandate-explorer-selection-1.graphml');
    expect(await file.blob.text()).toBe('<graphml/>');
  });
});

describe('sources', () => {
  it('reads a source reference as document and lines', () => {
    expect(parseSource('001_1c1597dd7120e666.txt#L16-L20')).toEqual({
      file: '001_1c1597dd7120e666.txt',
      document: 'Socialstyrelsen, Vårt internationella arbete (2021)',
      lines: 'lines 16–20',
      from: 16,
      to: 20,
    });
    expect(parseSource('003_1f946c82219b01d6.txt#L7').lines).toBe('line 7');
  });

  it('cites as the answers do, in the table and inside the data’s own texts', () => {
    // The table's Sources column: the document by short title and year, then the lines.
    expect(citationText('000_7e31df940bd6ef96.txt#L22-L22')).toBe(
      'Social- och hälsovårdsministeriet, Internationellt samarbete (2003), l. 22',
    );
    expect(citationText('001_1c1597dd7120e666.txt#L16-L20')).toBe('Socialstyrelsen, Vårt internationella arbete (2021), ll. 16–20');
    // Evidence and notes keep the curators' shorthand; people read it in words.
    expect(citedInWords("a ministry works under the government; 003 L880 writes 'the government (the ministry)'")).toBe(
      "a ministry works under the government; [Carlsson, Internationella samarbeten med svenska myndigheter efterfrågas (2024), l. 880] writes 'the government (the ministry)'",
    );
    expect(citedInWords('Sweden is glossed as the government (001 L16).')).toBe(
      'Sweden is glossed as the government [Socialstyrelsen, Vårt internationella arbete (2021), l. 16].',
    );
    expect(citedInWords('001 r. 16 förklarar; 003 visar det; 000#L23-L25')).toBe(
      '[Socialstyrelsen, Vårt internationella arbete (2021), l. 16] förklarar; [Carlsson, Internationella samarbeten med svenska myndigheter efterfrågas (2024)] visar det; [Social- och hälsovårdsministeriet, Internationellt samarbete (2003), ll. 23–25]',
    );
    // Numbers that are no document stay: a year, a count, a date.
    expect(citedInWords('in 2015–2018, about 700 staff, 2024-10, 999 L4')).toBe('in 2015–2018, about 700 staff, 2024-10, 999 L4');
  });
});
