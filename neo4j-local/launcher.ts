/**
 * Starts, finds and stops a local embedded Neo4j 5.26 Community (see LocalNeo4j.java)
 * with Bolt on 127.0.0.1, for development and tests. No Docker, no Neo4j install:
 * Maven fetches the jars into ~/.m2 on first use.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';

export const DEFAULT_PORT = 7687;
const DEFAULT_HEAP = '1g';
const DEFAULT_PAGECACHE = '512m';
const MAIN_CLASS = 'mandate.LocalNeo4j';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.dirname(HERE);
const TARGET_DIR = path.join(HERE, 'target');
const CLASSES_DIR = path.join(TARGET_DIR, 'classes');
const CLASSPATH_FILE = path.join(TARGET_DIR, 'classpath.txt');
const BUILD_STAMP = path.join(TARGET_DIR, 'build.stamp');
const BUILD_LOCK = path.join(TARGET_DIR, 'build.lock');
const BUILD_INPUTS = [path.join(HERE, 'pom.xml'), path.join(HERE, 'src/main/java/mandate/LocalNeo4j.java')];

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1. Default: env NEO4J_LOCAL_PORT, else 7687. */
  port?: number;
  /** Neo4j home (store, pid file, logs). Default: env NEO4J_LOCAL_DIR, else <repo>/.neo4j/data. */
  dataDir?: string;
  /** Human-readable progress (Maven downloads, start-up steps). */
  onProgress?: (line: string) => void;
  /** How long to wait for Bolt after spawning Java. Default 180 s (recovery after a crash can be slow). */
  startTimeoutMs?: number;
  /** How long to wait after SIGTERM before SIGKILL. Default 60 s. */
  stopTimeoutMs?: number;
}

export interface LocalNeo4jHandle {
  uri: string;
  /** True when this call spawned the JVM; only then should the caller stop it on exit. */
  startedHere: boolean;
  pid: number;
  port: number;
  dataDir: string;
  logFile: string;
  /** Stops this Neo4j (SIGTERM, then SIGKILL after stopTimeoutMs). */
  stop: () => Promise<StopResult>;
}

export interface StopResult {
  wasRunning: boolean;
  pid: number | null;
  /** True when SIGTERM was not enough and SIGKILL was sent. */
  killed: boolean;
}

export interface LocalNeo4jStatus {
  /** The JVM recorded in the pid file is alive. */
  running: boolean;
  /** A Bolt session works and dbms.components() answered. */
  boltReady: boolean;
  pid: number | null;
  port: number;
  uri: string;
  dataDir: string;
  logFile: string;
  version: string | null;
  edition: string | null;
  /** Something (ours or not) accepts TCP connections on the port. */
  portInUse: boolean;
  /** Why Bolt did not answer, when running but not ready. */
  error: string | null;
}

interface Resolved {
  port: number;
  /** Port came from the caller or env, not the default. */
  portExplicit: boolean;
  dataDir: string;
  uri: string;
  pidFile: string;
  logFile: string;
  startLock: string;
  onProgress: (line: string) => void;
  startTimeoutMs: number;
  stopTimeoutMs: number;
}

interface PidRecord {
  pid: number;
  port: number;
  startedAt: string;
}

function resolveOptions(opts: LocalNeo4jOptions = {}): Resolved {
  const explicitPort = opts.port ?? parsePort(process.env.NEO4J_LOCAL_PORT);
  const port = explicitPort ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Invalid Neo4j port: ${port}`);
  const dataDir = path.resolve(opts.dataDir ?? (process.env.NEO4J_LOCAL_DIR || path.join(REPO_ROOT, '.neo4j', 'data')));
  return {
    port,
    portExplicit: explicitPort !== undefined,
    dataDir,
    uri: `bolt://127.0.0.1:${port}`,
    pidFile: path.join(dataDir, 'neo4j.pid'),
    logFile: path.join(dataDir, 'neo4j.log'),
    startLock: path.join(dataDir, 'start.lock'),
    onProgress: opts.onProgress ?? (() => {}),
    startTimeoutMs: opts.startTimeoutMs ?? 180_000,
    stopTimeoutMs: opts.stopTimeoutMs ?? 60_000,
  };
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port)) throw new Error(`NEO4J_LOCAL_PORT is not a port number: ${value}`);
  return port;
}

function memorySize(envName: string, fallback: string): string {
  const value = (process.env[envName] ?? '').trim() || fallback;
  if (!/^\d+[kmgKMG]?$/.test(value)) throw new Error(`${envName} must look like 512m or 2g, got: ${value}`);
  return value;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------
// Public API

/**
 * Returns a running local Neo4j for this data dir and port, starting it if needed.
 * Resolves only once a real Bolt session works.
 */
export async function ensureLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4jHandle> {
  const o = resolveOptions(opts);
  fs.mkdirSync(o.dataDir, { recursive: true });
  return withLockFile(o.startLock, 'another neo4j-local start for this data dir', o.onProgress, async () => {
    const recorded = readPidRecord(o);
    const existing = readOwnedPid(o);
    if (recorded && !existing) {
      // A JVM killed a moment ago may still be tearing down threads, its socket and the store lock.
      await waitPortClosed(recorded.port, 15_000);
    }
    if (existing) {
      if (existing.port !== o.port && o.portExplicit) {
        throw new Error(
          `Neo4j for ${o.dataDir} is already running on port ${existing.port} (pid ${existing.pid}), not ${o.port}. ` +
            `Stop it first (npm run db:stop) or use that port.`,
        );
      }
      o.port = existing.port;
      o.uri = `bolt://127.0.0.1:${existing.port}`;
      o.onProgress(`Neo4j already running (pid ${existing.pid}) on ${o.uri}`);
      // It may still be starting up (e.g. launched by a parallel command).
      await waitForBolt(o, existing.pid, null, 0);
      return handle(o, existing.pid, false);
    }
    if (await tcpOpen(o.port)) {
      throw new Error(
        `Port ${o.port} is already in use by another process (not the local Neo4j of ${o.dataDir}). ` +
          `Set NEO4J_LOCAL_PORT to a free port, or stop whatever listens there.`,
      );
    }
    const classpath = await ensureBuilt(o.onProgress);
    const pid = await spawnNeo4j(o, classpath);
    return handle(o, pid, true);
  });
}

/**
 * Resolves Neo4j's jars with Maven and compiles the launcher class, without starting anything
 * (for CI or image builds that pre-fetch). A no-op when the cached build is current.
 */
export async function prepareLocalNeo4j(opts: Pick<LocalNeo4jOptions, 'onProgress'> = {}): Promise<void> {
  await ensureBuilt(opts.onProgress ?? (() => {}));
}

/** Stops the local Neo4j of this data dir, if it runs. Safe to call when it does not. */
export async function stopLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<StopResult> {
  const o = resolveOptions(opts);
  const rec = readOwnedPid(o);
  if (!rec) return { wasRunning: false, pid: null, killed: false };
  o.onProgress(`stopping Neo4j (pid ${rec.pid})`);
  const killed = await terminate(rec.pid, o.dataDir, rec.port, o.stopTimeoutMs);
  removePidFile(o, rec.pid);
  return { wasRunning: true, pid: rec.pid, killed };
}

/** Whether the local Neo4j of this data dir runs, and which version answers on Bolt. */
export async function localNeo4jStatus(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4jStatus> {
  const o = resolveOptions(opts);
  // Read-only: a stale pid file is left for the next start, which waits on it.
  const rec = readOwnedPid(o, false);
  const port = rec?.port ?? o.port;
  const uri = `bolt://127.0.0.1:${port}`;
  const status: LocalNeo4jStatus = {
    running: rec !== null,
    boltReady: false,
    pid: rec?.pid ?? null,
    port,
    uri,
    dataDir: o.dataDir,
    logFile: o.logFile,
    version: null,
    edition: null,
    portInUse: await tcpOpen(port),
    error: null,
  };
  if (rec && status.portInUse) {
    try {
      const comp = await withDriver(uri, async (driver) => {
        const res = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
        const row = res.records[0];
        return { version: String(row?.get('version') ?? ''), edition: String(row?.get('edition') ?? '') };
      });
      status.boltReady = true;
      status.version = comp.version || null;
      status.edition = comp.edition || null;
    } catch (err) {
      status.error = errorMessage(err);
    }
  } else if (rec) {
    status.error = 'Bolt port not open yet (starting up?)';
  }
  return status;
}

export interface ImportOptions {
  /** Neo4j home of the store to create (the same dir `ensureLocalNeo4j` then starts on). */
  dataDir: string;
  /** CSV files with node headers (`id:ID`, `:LABEL`, `name:type` …). */
  nodes: string[];
  /** CSV files with relationship headers (`:START_ID`, `:END_ID`, `:TYPE` …). */
  relationships: string[];
  /** More `neo4j-admin database import full` flags, e.g. `--multiline-fields=true`. */
  extraArgs?: string[];
  onProgress?: (line: string) => void;
}

/**
 * `neo4j-admin database import full` (org.neo4j:neo4j-import-tool from Maven Central, run
 * through Neo4j's own AdminTool) into the default database of a store that is not running.
 * Resolves with the importer's report; rejects with its output when it fails.
 */
export async function importIntoLocalNeo4j(opts: ImportOptions): Promise<{ output: string }> {
  const onProgress = opts.onProgress ?? (() => {});
  const o = resolveOptions({ dataDir: opts.dataDir });
  if (readOwnedPid(o, false)) throw new Error(`Neo4j for ${o.dataDir} is running; stop it before importing into its store.`);
  const classpath = await ensureBuilt(onProgress);
  // AdminTool reads neo4j.conf from NEO4J_CONF; an empty one keeps every default, so the store
  // lands in <home>/data/databases/neo4j, where LocalNeo4j looks for it.
  const conf = path.join(o.dataDir, 'conf');
  fs.mkdirSync(conf, { recursive: true });
  if (!fs.existsSync(path.join(conf, 'neo4j.conf'))) fs.writeFileSync(path.join(conf, 'neo4j.conf'), '');
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const args = [
    `-Xmx${memorySize('NEO4J_LOCAL_HEAP', DEFAULT_HEAP)}`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The database name first: --nodes and --relationships take several files each and would swallow it.
    'neo4j',
    ...opts.nodes.map((f) => `--nodes=${path.resolve(f)}`),
    ...opts.relationships.map((f) => `--relationships=${path.resolve(f)}`),
    ...(opts.extraArgs ?? []),
  ];
  onProgress(`importing ${opts.nodes.length} node and ${opts.relationships.length} relationship file(s) into ${o.dataDir}`);
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, {
      cwd: o.dataDir,
      env: { ...process.env, CLASSPATH: classpath, NEO4J_HOME: o.dataDir, NEO4J_CONF: conf },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.on('error', (err) => reject(javaSpawnError(java, err)));
    child.on('close', (code) => {
      if (code === 0) resolve({ output });
      else reject(new Error(`neo4j-admin database import failed (exit ${code}):\n${output.trim().split('\n').slice(-30).join('\n')}`));
    });
  });
}

// ---------------------------------------------------------------------------
// Build: Maven resolves Neo4j's jars and compiles LocalNeo4j.java once; the
// result is cached in target/ and reused while pom.xml and the source are unchanged.

async function ensureBuilt(onProgress: (line: string) => void): Promise<string> {
  const stamp = buildInputsHash();
  const cached = cachedClasspath(stamp);
  if (cached) return cached;
  fs.mkdirSync(TARGET_DIR, { recursive: true });
  return withLockFile(BUILD_LOCK, 'another neo4j-local build', onProgress, async () => {
    const again = cachedClasspath(stamp);
    if (again) return again;
    onProgress('building neo4j-local with Maven (the very first run downloads ~150 MB of jars into ~/.m2)');
    await runMaven(['-B', 'compile', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`], onProgress);
    const built = cachedClasspath(null);
    if (!built) throw new Error(`Maven finished but ${CLASSPATH_FILE} or compiled classes are missing`);
    fs.writeFileSync(BUILD_STAMP, stamp);
    return built;
  });
}

function buildInputsHash(): string {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS) hash.update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** The runtime classpath if the cached build is current and every jar is still in ~/.m2. */
function cachedClasspath(stamp: string | null): string | null {
  try {
    if (stamp !== null && fs.readFileSync(BUILD_STAMP, 'utf8') !== stamp) return null;
    if (!fs.existsSync(path.join(CLASSES_DIR, 'mandate', 'LocalNeo4j.class'))) return null;
    const jars = fs.readFileSync(CLASSPATH_FILE, 'utf8').trim().split(path.delimiter).filter(Boolean);
    if (jars.length === 0 || !jars.every((jar) => fs.existsSync(jar))) return null;
    return [CLASSES_DIR, ...jars].join(path.delimiter);
  } catch {
    return null;
  }
}

function runMaven(args: string[], onProgress: (line: string) => void): Promise<void> {
  const mvn = process.env.MVN || 'mvn';
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, args, { cwd: HERE, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    let files = 0;
    let bytes = 0;
    const onLine = (raw: string) => {
      // eslint-disable-next-line no-control-regex
      const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trimEnd();
      if (!line) return;
      tail.push(line);
      if (tail.length > 60) tail.shift();
      const done = /^(?:\[INFO\] )?Downloaded from \S+: (\S+) \(([\d.]+) (B|kB|MB|GB)/.exec(line);
      if (done) {
        files += 1;
        bytes += Number(done[2]) * ({ B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[done[3] as 'B' | 'kB' | 'MB' | 'GB'] ?? 1);
        const name = (done[1] ?? '').split('/').pop() ?? '';
        onProgress(`maven: downloaded ${files} files, ${(bytes / 1e6).toFixed(1)} MB (${name})`);
      } else if (line.startsWith('[ERROR]')) {
        onProgress(`maven: ${line}`);
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buf += chunk;
        const lines = buf.split(/\r?\n/);
        buf = lines.pop() ?? '';
        lines.forEach(onLine);
      });
      stream.on('end', () => onLine(buf));
    }
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new Error(`Maven ('${mvn}') was not found on PATH; install Maven 3.8+ (apt-get install maven) or set MVN.`)
          : err,
      );
    });
    child.on('close', (code) => {
      if (code === 0) {
        if (files > 0) onProgress(`maven: done, ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);
        resolve();
      } else {
        reject(new Error(`Maven failed (exit ${code}) in ${HERE}:\n${tail.slice(-30).join('\n')}`));
      }
    });
  });
}

// ---------------------------------------------------------------------------
// Process management

async function spawnNeo4j(o: Resolved, classpath: string): Promise<number> {
  const heap = memorySize('NEO4J_LOCAL_HEAP', DEFAULT_HEAP);
  const pageCache = memorySize('NEO4J_LOCAL_PAGECACHE', DEFAULT_PAGECACHE);
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  rotateLog(o.logFile);
  const logOffset = fs.existsSync(o.logFile) ? fs.statSync(o.logFile).size : 0;
  fs.appendFileSync(o.logFile, `\n===== neo4j-local start ${new Date().toISOString()} port ${o.port} =====\n`);
  const logFd = fs.openSync(o.logFile, 'a');
  o.onProgress(`starting Neo4j on ${o.uri} (heap ${heap}, page cache ${pageCache}, log ${o.logFile})`);
  let child: ChildProcess;
  try {
    child = spawn(
      java,
      [
        `-Xmx${heap}`,
        // Mostly the JVM flags Neo4j's own launcher uses.
        '-XX:+UseG1GC',
        '-XX:-OmitStackTraceInFastThrow',
        '-XX:+ExitOnOutOfMemoryError',
        '-XX:+DisableExplicitGC',
        '-Djdk.nio.maxCachedBufferSize=1024',
        '-Dio.netty.tryReflectionSetAccessible=true',
        '-Dlog4j2.disable.jmx=true',
        '--add-opens=java.base/java.nio=ALL-UNNAMED',
        '--add-opens=java.base/java.io=ALL-UNNAMED',
        '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
        ...extraJvmOptions(),
        MAIN_CLASS,
        o.dataDir,
        String(o.port),
        pageCache,
      ],
      {
        cwd: o.dataDir,
        // Own session/process group: survives the parent (npm run db:start) and a terminal Ctrl-C.
        detached: true,
        stdio: ['ignore', logFd, logFd],
        // Via env rather than -cp keeps `ps` output readable (~200 jars).
        env: { ...process.env, CLASSPATH: classpath },
      },
    );
  } finally {
    fs.closeSync(logFd);
  }
  const exited: { code: number | null; signal: string | null; error: Error | null } = { code: null, signal: null, error: null };
  let hasExited = false;
  child.on('error', (err) => {
    hasExited = true;
    exited.error = err;
  });
  child.on('exit', (code, signal) => {
    hasExited = true;
    exited.code = code;
    exited.signal = signal;
  });
  child.unref();
  const pid = child.pid;
  if (pid === undefined) {
    await sleep(50);
    throw javaSpawnError(java, exited.error);
  }
  writePidFile(o, { pid, port: o.port, startedAt: new Date().toISOString() });
  try {
    await waitForBolt(
      o,
      pid,
      () => {
        if (!hasExited) return null;
        if (exited.error) return javaSpawnError(java, exited.error).message;
        return `Java exited (${exited.signal ?? `code ${exited.code}`}) before Bolt came up`;
      },
      logOffset,
    );
  } catch (err) {
    if (!hasExited) await terminate(pid, o.dataDir, o.port, 10_000).catch(() => {});
    removePidFile(o, pid);
    throw err;
  }
  return pid;
}

function javaSpawnError(java: string, err: Error | null): Error {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return new Error(
    code === 'ENOENT'
      ? `Java ('${java}') was not found; install a JDK 17 or 21 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.`
      : `Could not start Java ('${java}'): ${err?.message ?? 'unknown error'}`,
  );
}

/** Polls TCP, then proves Bolt works with a real session; fails fast if the process dies. */
async function waitForBolt(o: Resolved, pid: number, childFailure: (() => string | null) | null, logOffset: number): Promise<void> {
  const started = Date.now();
  const deadline = started + o.startTimeoutMs;
  let lastError = 'Bolt port not open yet';
  let lastReport = 0;
  for (;;) {
    const failure = childFailure?.() ?? (isOurNeo4j(pid, o.dataDir) ? null : `process ${pid} exited before Bolt came up`);
    if (failure) throw startFailure(o, failure, logOffset);
    if (await tcpOpen(o.port)) {
      try {
        await withDriver(o.uri, (driver) => driver.verifyConnectivity());
        o.onProgress(`Neo4j ready on ${o.uri} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return;
      } catch (err) {
        lastError = errorMessage(err);
      }
    }
    if (Date.now() > deadline) {
      throw startFailure(o, `Bolt did not answer within ${Math.round(o.startTimeoutMs / 1000)} s (last: ${lastError})`, logOffset);
    }
    if (Date.now() - lastReport > 5000) {
      lastReport = Date.now();
      o.onProgress(`waiting for Neo4j to open Bolt on port ${o.port} (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    await sleep(250);
  }
}

function startFailure(o: Resolved, reason: string, logOffset: number): Error {
  const debugLog = path.join(o.dataDir, 'logs', 'debug.log');
  return new Error(
    `Local Neo4j failed to start: ${reason}\n` +
      `--- last lines of ${o.logFile} ---\n${logTail(o.logFile, logOffset, 40)}\n` +
      `--- more detail in ${debugLog} ---`,
  );
}

function logTail(file: string, fromOffset: number, lines: number): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const slice = text.length >= fromOffset ? text.slice(fromOffset) : text;
    return slice.trimEnd().split('\n').slice(-lines).join('\n') || '(empty)';
  } catch {
    return '(no log)';
  }
}

function rotateLog(file: string): void {
  try {
    if (fs.statSync(file).size > 20 * 1024 * 1024) fs.renameSync(file, `${file}.1`);
  } catch {
    // no log yet
  }
}

/** SIGTERM (the JVM's shutdown hook closes the store), then SIGKILL after the timeout. Returns true if killed. */
async function terminate(pid: number, dataDir: string, port: number, timeoutMs: number): Promise<boolean> {
  if (!signal(pid, 'SIGTERM')) return false;
  let killed = false;
  const deadline = Date.now() + timeoutMs;
  while (isOurNeo4j(pid, dataDir) && Date.now() < deadline) await sleep(100);
  if (isOurNeo4j(pid, dataDir)) {
    signal(pid, 'SIGKILL');
    killed = true;
    const killDeadline = Date.now() + 10_000;
    while (isOurNeo4j(pid, dataDir) && Date.now() < killDeadline) await sleep(100);
  }
  // The main thread turns zombie (and unidentifiable) before the other threads have
  // closed the socket and store lock; wait for those so a restart does not race them.
  await waitPortClosed(port, 10_000);
  return killed;
}

async function waitPortClosed(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await tcpOpen(port, 500)) && Date.now() < deadline) await sleep(100);
}

/** NEO4J_LOCAL_JAVA_OPTS: more JVM flags, space-separated (e.g. for a profiler or GC logging). */
function extraJvmOptions(): string[] {
  return (process.env.NEO4J_LOCAL_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean);
}

function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/**
 * The pid file's process, if it is still our JVM for this data dir. A pid file left by a
 * crash (kill -9, reboot) is removed here; checking the command line guards against pid reuse.
 */
function readOwnedPid(o: Resolved, cleanUp = true): PidRecord | null {
  if (!fs.existsSync(o.pidFile)) return null;
  const rec = readPidRecord(o);
  if (rec && isOurNeo4j(rec.pid, o.dataDir)) return rec;
  if (!cleanUp) return null;
  if (!rec) {
    o.onProgress(`removing unreadable pid file ${o.pidFile}`);
    fs.rmSync(o.pidFile, { force: true });
    return null;
  }
  o.onProgress(`removing stale pid file (process ${rec.pid} is gone)`);
  removePidFile(o, rec.pid);
  return null;
}

function readPidRecord(o: Resolved): PidRecord | null {
  try {
    const rec = JSON.parse(fs.readFileSync(o.pidFile, 'utf8')) as PidRecord;
    return Number.isInteger(rec.pid) && Number.isInteger(rec.port) ? rec : null;
  } catch {
    return null;
  }
}

function writePidFile(o: Resolved, rec: PidRecord): void {
  const tmp = `${o.pidFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(rec) + '\n');
  fs.renameSync(tmp, o.pidFile);
}

/** Removes the pid file only if it still names `pid` (a newer start may have replaced it). */
function removePidFile(o: Resolved, pid: number): void {
  try {
    const rec = JSON.parse(fs.readFileSync(o.pidFile, 'utf8')) as Partial<PidRecord>;
    if (rec.pid !== pid) return;
  } catch {
    // unreadable: remove anyway
  }
  fs.rmSync(o.pidFile, { force: true });
}

function isOurNeo4j(pid: number, dataDir: string): boolean {
  const args = processArgs(pid);
  return args !== null && args.includes(MAIN_CLASS) && args.includes(dataDir);
}

/** argv of a live, non-zombie process, or null. */
function processArgs(pid: number): string[] | null {
  if (fs.existsSync('/proc/self/cmdline')) {
    try {
      const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      // Zombies (exited, not yet reaped) have an empty cmdline.
      return raw ? raw.split('\0').filter(Boolean) : null;
    } catch {
      return null;
    }
  }
  try {
    // No /proc (macOS): ps gives one space-joined string; good enough for the checks above.
    const out = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return out ? [out, ...out.split(/\s+/)] : null;
  } catch {
    return null;
  }
}

function handle(o: Resolved, pid: number, startedHere: boolean): LocalNeo4jHandle {
  return {
    uri: o.uri,
    startedHere,
    pid,
    port: o.port,
    dataDir: o.dataDir,
    logFile: o.logFile,
    stop: async () => {
      if (!isOurNeo4j(pid, o.dataDir)) return { wasRunning: false, pid, killed: false };
      const killed = await terminate(pid, o.dataDir, o.port, o.stopTimeoutMs);
      removePidFile(o, pid);
      return { wasRunning: true, pid, killed };
    },
  };
}

// ---------------------------------------------------------------------------
// Small helpers

function tcpOpen(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function withDriver<T>(uri: string, fn: (driver: Driver) => Promise<T>): Promise<T> {
  // Auth is disabled server-side (loopback only), so no credentials.
  const driver = neo4j.driver(uri, undefined, {
    connectionTimeout: 5000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 1,
  });
  try {
    return await fn(driver);
  } finally {
    await driver.close();
  }
}

/**
 * Cross-process mutex via an exclusive-create file holding the owner's pid; a lock
 * whose owner is dead (crash) is taken over.
 */
async function withLockFile<T>(lockFile: string, what: string, onProgress: (line: string) => void, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 15 * 60_000;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number(readText(lockFile));
    const alive = Number.isInteger(owner) && owner > 0 && signalZero(owner);
    // A very old lock is treated as stale too, in case its pid was reused.
    if (!alive || fileAgeMs(lockFile) > 20 * 60_000) {
      fs.rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (lock ${lockFile}, pid ${owner})`);
    if (!told) {
      onProgress(`waiting for ${what} (pid ${owner})`);
      told = true;
    }
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function fileAgeMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function signalZero(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
