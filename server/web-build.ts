// Builds the web app when its sources are newer than the last build, so a warm `npm start`
// does not pay for a Vite build it does not need.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../neo4j-local/launcher.ts';

const WEB = join(REPO_ROOT, 'web');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether `webDir` has a web app whose build is missing or older than any of its sources. */
export function needsWebBuild(webDir: string = WEB): boolean {
  if (!existsSync(join(webDir, 'index.html'))) return false;
  const built = join(webDir, 'dist', 'index.html');
  return !existsSync(built) || statSync(built).mtimeMs < newestSource(webDir);
}

export async function ensureWebBuilt(force = false): Promise<boolean> {
  if (!existsSync(join(WEB, 'index.html'))) return false;
  if (!force && !needsWebBuild(WEB)) return false;
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
