// Ports from the system, so test runs on one machine (two `npm test` at once, other
// checkouts' tests) never fight over a fixed number.
import net from 'node:net';
import { ensureLocalNeo4j, type LocalNeo4jHandle, type LocalNeo4jOptions } from '../../neo4j-local/launcher.ts';

/** A TCP port on 127.0.0.1 that was free a moment ago: the kernel picks it (listen on 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port from the system'))));
    });
  });
}

/**
 * A local Neo4j on a port the system handed out. Java needs seconds to bind, so another
 * process may take the port in between; the launcher then says the port is in use, and we
 * ask for another one instead of failing the run.
 */
export async function startNeo4jOnFreePort(
  options: Omit<LocalNeo4jOptions, 'port' | 'dataDir'> & { dataDir: string | ((port: number) => string) },
): Promise<LocalNeo4jHandle> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const dataDir = typeof options.dataDir === 'function' ? options.dataDir(port) : options.dataDir;
    try {
      return await ensureLocalNeo4j({ ...options, port, dataDir });
    } catch (err) {
      lastError = err;
      if (!/already in use|Address already in use|BindException/i.test(String((err as Error).message))) throw err;
    }
  }
  throw lastError;
}
