// The project's command-line tools run as child processes, as a user runs them. `npm run -s
// NAME -- ARGS` is what the README gives; npm's own start costs about 0.8 s of CPU a call, a
// third of a call on 2 cores. So a file that calls a tool many times runs its first call of each
// tool through npm (which checks the package.json wiring) and the others as the script's own
// command does, `tsx FILE` as `node --import tsx FILE`: the same code, arguments, environment,
// standard streams and exit code, in one process instead of three.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';

export interface CliResult {
  /** The exit code; -1 when the process was killed (a time-out). */
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  /** Written to standard input, which is then closed. */
  input?: string;
  timeoutMs?: number;
  /** Through `npm run -s` rather than the script's command. */
  viaNpm?: boolean;
}

const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The package.json script's `tsx FILE [ARGS]` as node's arguments. */
function nodeArgs(script: string): string[] {
  const command = scripts[script];
  const parts = command?.split(' ') ?? [];
  if (parts[0] !== 'tsx' || parts.length < 2 || parts.some((p) => !/^[\w./:-]+$/.test(p)))
    throw new Error(`package.json script ${script} is not a plain "tsx FILE": ${command}`);
  return ['--import', 'tsx', ...parts.slice(1)];
}

/** Runs the package.json script `script` with `args`; resolves with its exit code and output. */
export function runCli(script: string, args: string[], options: CliOptions = {}): Promise<CliResult> {
  const [command, commandArgs] = options.viaNpm
    ? ['npm', ['run', '-s', script, '--', ...args]]
    : [process.execPath, [...nodeArgs(script), ...args]];
  return new Promise((done, fail) => {
    const child = spawn(command, commandArgs, {
      cwd: REPO_ROOT,
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 240_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
