// `npm run seed`: validate the seed files, then load them into the configured database
// (NEO4J_URI, or the local Neo4j started for it). Loading twice gives the same graph.
import { connect, loadSeed } from '../../server/bootstrap.ts';
import { loadConfig } from '../../server/config.ts';
import { progress } from '../../server/cli/progress.ts';

const config = loadConfig();
const step = progress('Connecting to Neo4j');
const { db, uri } = await connect(config, (line) => step.text(line));
try {
  step.text(`Applying the schema on ${uri}`);
  await db.applySchema();
  const outcome = await loadSeed(db, (done, total, phase) => step.count(done, total, phase));
  step.succeed(`Seed loaded into ${uri}: ${outcome.nodes} nodes, ${outcome.relationships} relationships (merged by id and key)`);
} catch (err) {
  step.fail((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
