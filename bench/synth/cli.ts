// `npm run synth -- --nodes 100k --seed 1 [--out DIR] [--prefix synth-] [--force]`: writes a
// synthetic institutional graph in the seed's JSON-lines format under bench/data/.
import { z } from 'zod';
import { parseFlags } from '../../server/cli/args.ts';
import { progress } from '../../server/cli/progress.ts';
import { MIN_NODES } from './generate.ts';
import { parseCount, writeSynth } from './write.ts';

const Flags = z.object({
  nodes: z
    .string()
    .transform(parseCount)
    .pipe(z.number().int().min(MIN_NODES, `expected a node count of at least ${MIN_NODES}, such as 10000, 100k or 1M`)),
  seed: z.coerce.number().int().min(0).default(1),
  out: z.string().optional(),
  prefix: z.string().optional(),
  force: z.boolean().default(false),
});

const flags = parseFlags(Flags, process.argv.slice(2), {
  nodes: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  prefix: { type: 'string' },
  force: { type: 'boolean' },
});

const step = progress(`Generating ${flags.nodes.toLocaleString('en')} nodes (seed ${flags.seed})`);
try {
  const { dir, manifest, reused } = await writeSynth({
    nodes: flags.nodes,
    seed: flags.seed,
    ...(flags.prefix ? { idPrefix: flags.prefix } : {}),
    ...(flags.out ? { dir: flags.out } : {}),
    force: flags.force,
    onProgress: (done, total, phase) => step.count(done, total, phase),
  });
  const hub = manifest.topDegrees[0];
  step.succeed(
    `${reused ? 'Already generated' : 'Generated'}: ${manifest.nodes.toLocaleString('en')} nodes, ${manifest.relationships.toLocaleString('en')} relationships in ${dir}` +
      (hub ? ` (largest hub ${hub.id} with ${hub.degree.toLocaleString('en')} ties)` : ''),
  );
} catch (err) {
  step.fail((err as Error).message);
  process.exitCode = 1;
}
