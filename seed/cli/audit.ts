// npm run seed:audit [-- --sources S] [--dir D]: check that every source reference points at
// lines of the source texts that exist and mention the record.
import { auditSeed, formatAuditFailure } from '../audit.ts';
import { DEFAULT_DATA_DIR, DEFAULT_SOURCES_DIR, dirFlag, shown } from './args.ts';

const argv = process.argv.slice(2);
const dir = dirFlag(argv, 'dir', DEFAULT_DATA_DIR);
const sources = dirFlag(argv, 'sources', DEFAULT_SOURCES_DIR);

let result;
try {
  result = auditSeed(dir, sources);
} catch (err) {
  console.error(`seed:audit: ${(err as Error).message}`);
  process.exit(1);
}
for (const f of result.failures) console.error(formatAuditFailure({ ...f, file: shown(f.file) }));
if (result.validationProblems > 0)
  console.error(`note: seed:check reports ${result.validationProblems} problem(s); records that fail their schema were not audited`);
if (result.failures.length > 0 || result.validationProblems > 0) {
  console.error(
    `\n${result.failures.length} failing reference(s) of ${result.refs} in ${result.records} records (sources: ${shown(sources)})`,
  );
  process.exit(1);
}
console.log(`${result.refs} source references in ${result.records} records OK (sources: ${shown(sources)})`);
