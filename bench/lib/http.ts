// A minimal keep-alive HTTP client for timing requests to the API on 127.0.0.1: the time is
// from sending the request to the last byte of the body (which is read, not parsed).
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
  body?: string;
}

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export function timedRequest(
  base: string,
  spec: RequestSpec,
  options: { keepBody?: boolean; onChunk?: (chunk: Buffer) => void } = {},
): Promise<Timed> {
  const url = new URL(spec.path, base);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
    throw new Error(`bench: refusing to send load to ${url.hostname}; only 127.0.0.1`);
  const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      url,
      {
        method: spec.method,
        agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          options.onChunk?.(c);
          if (options.keepBody) chunks.push(c);
        });
        res.on('end', () =>
          resolve({
            ms: performance.now() - started,
            status: res.statusCode ?? 0,
            bytes,
            ...(options.keepBody ? { body: Buffer.concat(chunks).toString('utf8') } : {}),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(300_000, () => req.destroy(new Error(`bench: ${spec.method} ${spec.path} timed out`)));
    if (payload) req.write(payload);
    req.end();
  });
}

export function closeAgent(): void {
  agent.destroy();
}
