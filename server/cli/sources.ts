// `npm run sources -- update FILE NEWTEXT` registers a new text of a source document (one
// 'source-update' change set, as POST /api/sources/:file/versions); `npm run sources -- check
// DIR` compares each registered document found in DIR with its current registered version and
// lists what changed and which facts each change touches, writing nothing. Exit status: 0 when
// nothing needs review, 1 when some fact would need review (so a scheduled job can watch a
// folder), 2 on bad usage, 3 when the check itself failed (no database).
// docs/curation.md, "Source watch (as built)".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { UserName } from '../auth/actor.ts';
import { connect } from '../bootstrap.ts';
import { loadConfig, withDevSources } from '../config.ts';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { AUTOMATION } from '../curation/actor.ts';
import { factTitle, planUpdate, updateSource, type UpdatePlan } from '../curation/source-watch.ts';
import type { NamedTransaction } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { SOURCE_FILE } from '../api/routes/sources.ts';
import { parseFlags } from './args.ts';
import { progress } from './progress.ts';

const USAGE = ['usage: npm run sources -- update FILE NEWTEXT [--author NAME] [--reason TEXT]', '       npm run sources -- check DIR'].join(
  '\n',
);

const args = process.argv.slice(2);
const flags = parseFlags(z.object({ author: UserName.optional(), reason: z.string().trim().min(10).max(2000).optional() }), args, {
  author: { type: 'string' },
  reason: { type: 'string' },
});
const positional = args.filter((a, i) => !a.startsWith('--') && !['--author', '--reason'].includes(args[i - 1] ?? ''));
const [command, ...rest] = positional;

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

if (command === 'update') {
  const [file, textPath] = rest;
  if (!file || !textPath || rest.length > 2) usage();
  const name = basename(file);
  if (!SOURCE_FILE.test(name)) usage(`${file}: expected a source file name such as 001_1c1597dd7120e666.txt`);
  let text: string;
  try {
    text = readFileSync(textPath, 'utf8');
  } catch (err) {
    usage(`Cannot read ${textPath}: ${(err as Error).message}`);
  }
  const step = progress('Connecting to Neo4j');
  const config = loadConfig(withDevSources(process.env, REPO_ROOT));
  const connection = await connect(config, (l) => step.text(l));
  try {
    step.text(`Comparing the new text of ${name} with the registered one`);
    const r = await updateSource(
      connection.db,
      { file: name, text, reason: flags.reason ?? `New text of ${name} from ${basename(textPath)}` },
      // The change set names who updated: the account given, else the server's automation.
      flags.author ? { name: flags.author, role: 'editor', via: 'token' } : AUTOMATION,
      { sourcesDir: config.SOURCES_DIR },
    );
    step.succeed(
      `${name} is now at version ${r.source.version} (change set ${r.changeSet.id}): ${r.moved} fact(s) re-pointed, ${r.flagged} flagged for review, ${r.unchanged} unchanged` +
        (r.differentDocument ? '. Most lines differ: every citing fact was flagged and none moved' : ''),
    );
  } catch (err) {
    step.fail((err as Error).message);
    if (err instanceof AppError) for (const d of err.details.slice(0, 20)) process.stderr.write(`  ${d.path}: ${d.message}\n`);
    process.exitCode = 1;
  } finally {
    await connection.close();
  }
} else if (command === 'check') {
  const [dir] = rest;
  if (!dir || rest.length > 1) usage();
  if (!isDir(dir)) usage(`${dir} is not a folder`);
  const files = readdirSync(dir)
    .filter((f) => SOURCE_FILE.test(f) && statSync(join(dir, f)).isFile())
    .sort();
  const step = progress('Connecting to Neo4j');
  const config = loadConfig(withDevSources(process.env, REPO_ROOT));
  const connection = await connect(config, (l) => step.text(l));
  const { db } = connection;
  const reads: NamedTransaction = { run: (name, params) => db.read(name, params) };
  let needsReview = 0;
  const report: string[] = [];
  try {
    for (const [i, file] of files.entries()) {
      step.count(i, files.length, 'documents');
      let plan: UpdatePlan;
      try {
        plan = await planUpdate(reads, file, readFileSync(join(dir, file), 'utf8'), config.SOURCES_DIR);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) {
          report.push(`${file}: not a registered source document; left alone`);
          continue;
        }
        throw err;
      }
      if (plan.sameText) {
        report.push(`${file}: the same as version ${plan.from}`);
        continue;
      }
      const moved = plan.facts.filter((f) => f.moved.length && !f.flagged.length);
      const flagged = plan.facts.filter((f) => f.flagged.length);
      if (!plan.doc.lines.get(plan.from)) {
        // Nothing to compare with: every citing fact would be flagged, but not because the text changed.
        needsReview += flagged.length;
        report.push(
          `${file}: the text of version ${plan.from} is not available here (set SOURCES_DIR to the folder of the registered texts); its ${flagged.length} citing fact(s) could not be followed`,
        );
        continue;
      }
      needsReview += flagged.length;
      report.push(
        `${file}: changed since version ${plan.from} (${plan.linesChanged.removed} line(s) changed or gone, ${plan.linesChanged.added} new)` +
          (plan.differentDocument ? '; most lines differ, so it reads as a different document and every citing fact needs review' : ''),
      );
      for (const f of flagged) {
        const where = f.flagged.map((c) => lineWords(c.ref)).join(', ');
        report.push(
          `  needs review: ${factTitle(f.fact, 'en')} (cites ${where}, ${f.flagged.some((c) => c.status === 'changed') ? 'changed' : 'gone'})`,
        );
      }
      for (const f of moved)
        report.push(`  moves: ${factTitle(f.fact, 'en')} (${f.moved.map((m) => `${lineWords(m.from)} → ${lineWords(m.to)}`).join(', ')})`);
      if (!moved.length && !flagged.length) report.push('  no cited line is touched');
    }
    step.count(files.length, files.length, 'documents');
    step.succeed(
      needsReview
        ? `${needsReview} fact(s) would need review after updating ${files.length} document(s)`
        : `No fact would need review (${files.length} document(s) compared)`,
    );
    process.stdout.write(`${report.join('\n')}\n`);
    process.exitCode = needsReview ? 1 : 0;
  } catch (err) {
    step.fail((err as Error).message);
    // Not the folder's fault: 3, so a scheduled job tells "could not check" from "needs review".
    process.exitCode = 3;
  } finally {
    await connection.close();
  }
} else {
  usage(command ? `Unknown command "${command}".` : undefined);
}

/** "003_….txt#L12-L14" → "lines 12–14". */
function lineWords(ref: string): string {
  const m = /#L(\d+)(?:-L(\d+))?$/.exec(ref);
  if (!m) return ref;
  return m[2] && m[2] !== m[1] ? `lines ${m[1]}–${m[2]}` : `line ${m[1]}`;
}
