// Flags shared by the seed CLIs. Defaults are resolved from the repository root, not from the
// working directory, so the commands behave the same wherever they are started.
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, 'seed/data');
export const DEFAULT_SOURCES_DIR = resolve(REPO_ROOT, '../shared/seeds');

/** Value of `--name V` or `--name=V`; a given value is resolved against the working directory. */
export function dirFlag(argv: string[], name: string, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === `--${name}` && argv[i + 1] !== undefined) return resolve(argv[i + 1] as string);
    if (arg.startsWith(`--${name}=`)) return resolve(arg.slice(name.length + 3));
  }
  return fallback;
}

/** A path as the user would type it from here, so `file:line` is clickable in a terminal. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel;
}
