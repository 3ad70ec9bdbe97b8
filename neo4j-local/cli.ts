/**
 * npm run db:start | db:stop | db:status
 * (tsx neo4j-local/cli.ts start|stop|status|build [--port N] [--data-dir DIR])
 *
 * Exit codes: 0 ok; 1 failure; 3 `status` found it not running.
 */
import { parseArgs } from 'node:util';
import { ensureLocalNeo4j, importIntoLocalNeo4j, localNeo4jStatus, prepareLocalNeo4j, stopLocalNeo4j } from './launcher.ts';
import type { LocalNeo4jOptions } from './launcher.ts';

// `npm run db:status | head -1` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const USAGE = `usage: tsx neo4j-local/cli.ts start|stop|status|build [--port N] [--data-dir DIR]
       tsx neo4j-local/cli.ts import --data-dir DIR --nodes FILE… --relationships FILE… [-- more flags]

  start   start the local embedded Neo4j (or reuse the running one) and wait for Bolt
  stop    stop it (SIGTERM, SIGKILL after 60 s)
  status  show whether it runs, its pid, port, Bolt URI and Neo4j version
  build   download Neo4j with Maven and compile, without starting (CI pre-fetch)
  import  neo4j-admin database import full: CSV files into a new store in DIR (not running);
          start it afterwards with: start --data-dir DIR

env: NEO4J_LOCAL_PORT (7687), NEO4J_LOCAL_DIR (<repo>/.neo4j/data),
     NEO4J_LOCAL_HEAP (1g), NEO4J_LOCAL_PAGECACHE (512m), NEO4J_LOCAL_JAVA_OPTS (more JVM flags)`;

/** One self-rewriting status line on a terminal; throttled plain lines otherwise (CI logs). */
function progressPrinter(): { onProgress: (line: string) => void; done: () => void } {
  const started = Date.now();
  if (process.stderr.isTTY) {
    const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
    let frame = 0;
    let current = '';
    const draw = () => {
      const secs = Math.round((Date.now() - started) / 1000);
      const text = `${frames[frame++ % frames.length]} ${current} [${secs}s]`;
      process.stderr.write(`\r\x1b[2K${text.slice(0, (process.stderr.columns || 100) - 1)}`);
    };
    const timer = setInterval(draw, 100);
    return {
      onProgress: (line) => {
        // Keep step messages on screen; only Maven's download counter rewrites in place.
        if (current && !current.startsWith('maven: downloaded') && !current.startsWith('waiting for Neo4j')) {
          process.stderr.write(`\r\x1b[2K  ${current}\n`);
        }
        current = line;
        draw();
      },
      done: () => {
        clearInterval(timer);
        if (current) process.stderr.write(`\r\x1b[2K  ${current}\n`);
        current = '';
      },
    };
  }
  let lastMaven = 0;
  let pendingMaven: string | null = null;
  return {
    onProgress: (line) => {
      if (line.startsWith('maven: downloaded')) {
        pendingMaven = line;
        if (Date.now() - lastMaven < 3000) return;
        lastMaven = Date.now();
      }
      // Any printed line supersedes a held-back download count.
      pendingMaven = null;
      process.stderr.write(`  ${line}\n`);
    },
    done: () => {
      if (pendingMaven) process.stderr.write(`  ${pendingMaven}\n`);
      pendingMaven = null;
    },
  };
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      nodes: { type: 'string', multiple: true },
      relationships: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command || (positionals.length > 1 && command !== 'import')) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const opts: LocalNeo4jOptions = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port)) throw new Error(`--port is not a number: ${values.port}`);
    opts.port = port;
  }
  if (values['data-dir'] !== undefined) opts.dataDir = values['data-dir'];

  switch (command) {
    case 'start': {
      const progress = progressPrinter();
      const started = Date.now();
      try {
        const neo = await ensureLocalNeo4j({ ...opts, onProgress: progress.onProgress });
        progress.done();
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
          neo.startedHere
            ? `Neo4j started in ${secs} s: ${neo.uri} (pid ${neo.pid})`
            : `Neo4j already running: ${neo.uri} (pid ${neo.pid})`,
        );
        console.log(`  data ${neo.dataDir}\n  log  ${neo.logFile}\n  stop with: npm run db:stop`);
        return 0;
      } finally {
        progress.done();
      }
    }
    case 'build':
    case 'prepare': {
      const progress = progressPrinter();
      try {
        await prepareLocalNeo4j({ onProgress: progress.onProgress });
      } finally {
        progress.done();
      }
      console.log('neo4j-local is built; Neo4j jars are in ~/.m2.');
      return 0;
    }
    case 'import': {
      if (!values['data-dir'] || !values.nodes?.length) throw new Error('import needs --data-dir and at least one --nodes file');
      const { output } = await importIntoLocalNeo4j({
        dataDir: values['data-dir'],
        nodes: values.nodes,
        relationships: values.relationships ?? [],
        extraArgs: positionals.slice(1),
        onProgress: (line) => console.error(`  ${line}`),
      });
      console.log(output.trim());
      return 0;
    }
    case 'stop': {
      const started = Date.now();
      const res = await stopLocalNeo4j({ ...opts, onProgress: (line) => console.error(`  ${line}`) });
      if (!res.wasRunning) {
        console.log('Neo4j was not running.');
      } else {
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`Neo4j stopped (pid ${res.pid}) in ${secs} s${res.killed ? ' — it ignored SIGTERM and was killed' : ''}.`);
      }
      return 0;
    }
    case 'status': {
      const st = await localNeo4jStatus(opts);
      if (!st.running) {
        console.log(`Neo4j is not running (data dir ${st.dataDir}).`);
        if (st.portInUse) console.log(`  note: port ${st.port} is in use by another process.`);
        return 3;
      }
      console.log(`Neo4j is running${st.boltReady ? '' : ' but Bolt does not answer yet'}`);
      console.log(`  pid      ${st.pid}`);
      console.log(`  port     ${st.port}`);
      console.log(`  uri      ${st.uri}`);
      console.log(`  version  ${st.version ? `${st.version} ${st.edition ?? ''}`.trim() : `unknown (${st.error ?? 'no answer'})`}`);
      console.log(`  data     ${st.dataDir}`);
      console.log(`  log      ${st.logFile}`);
      return st.boltReady ? 0 : 1;
    }
    default:
      console.error(`unknown command: ${command}\n\n${USAGE}`);
      return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`\n${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
