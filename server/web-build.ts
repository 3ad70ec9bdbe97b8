// Builds the web app when its sources are newer than the last build, so a warm `npm start`
// does not pay for a Vite build it does not need.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../neo4j-local/launcher.ts';

const WEB = join(REPO_ROOT, 'web');
const BUILT = join(WEB, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuilt(force = false): Promise<boolean> {
  if (!existsSync(join(WEB, 'index.html'))) return false;
  if (!force && existsSync(BUILT) && statSync(BUILT).mtimeMs >= newestSource(WEB)) return false;
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
