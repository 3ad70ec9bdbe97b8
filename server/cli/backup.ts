// `npm run backup -- [--out FILE]`: the whole graph as one JSON file, streamed.
import { statSync } from 'node:fs';
import { z } from 'zod';
import { connect } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { backupGraph } from '../data-io/backup.ts';
import { parseFlags } from './args.ts';
import { progress } from './progress.ts';

const day = new Date().toISOString().replace(/[:]/g, '-').slice(0, 19);
const flags = parseFlags(z.object({ out: z.string().default(`backup-${day}.json`) }), process.argv.slice(2), {
  out: { type: 'string', short: 'o' },
});
const step = progress('Connecting to Neo4j');
const connection = await connect(loadConfig(), (l) => step.text(l));
const { db, uri } = connection;
try {
  step.text(`Backing up ${uri} to ${flags.out}`);
  await backupGraph(db, flags.out);
  step.succeed(`Backup written to ${flags.out} (${(statSync(flags.out).size / 1e6).toFixed(2)} MB)`);
} catch (err) {
  step.fail((err as Error).message);
  process.exitCode = 1;
} finally {
  await connection.close();
}
