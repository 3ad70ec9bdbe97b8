// Runs before `npm test`: the tools the test tiers use besides npm packages — Debian's
// Chromium for the browser tests (never a downloaded browser), the Python readers the export
// tests check files with — networkx (GraphML, GEXF), followthemoney (FtM), rdflib and pyshacl
// (JSON-LD, Turtle, SHACL), jsonschema (Popolo) — and Schemathesis, which checks the running
// API against its OpenAPI document (tests/int/api-contract.int.test.ts). Installs what is
// missing when it can.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command: string): boolean {
  process.stderr.write(`$ ${command}\n`);
  return spawnSync('bash', ['-c', command], { stdio: 'inherit' }).status === 0;
}

const isRoot = process.getuid?.() === 0;
let ok = true;

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`Chromium is missing at ${CHROMIUM}; the browser tests need Debian's package.\n`);
  const sudo = isRoot ? '' : 'sudo ';
  ok = run(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`) && ok;
}

// Poppler's pdftotext and pdftoppm read the figures' PDFs back (tests/int/figure.int.test.ts,
// tests/e2e/figure.e2e.test.ts): Debian's poppler-utils.
if (spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status !== 0) {
  process.stderr.write('pdftotext (poppler-utils) is missing; the figure tests read PDFs with it.\n');
  const sudo = isRoot ? '' : 'sudo ';
  ok = run(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils`) && ok;
}

// module name → pip package. followthemoney builds PyICU from source when no wheel fits,
// which needs ICU's headers (Debian's libicu-dev) and pkg-config.
const PYTHON_TOOLS: Array<[string, string]> = [
  ['networkx', 'networkx'],
  ['followthemoney', 'followthemoney'],
  ['rdflib', 'rdflib'],
  ['pyshacl', 'pyshacl'],
  ['jsonschema', 'jsonschema'],
];
const missing = PYTHON_TOOLS.filter(([module]) => spawnSync('python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status !== 0);
if (missing.length) {
  process.stderr.write(`Python packages the export tests read files with are missing: ${missing.map(([, p]) => p).join(', ')}\n`);
  if (missing.some(([m]) => m === 'followthemoney') && spawnSync('pkg-config', ['--exists', 'icu-uc'], { stdio: 'ignore' }).status !== 0) {
    const sudo = isRoot ? '' : 'sudo ';
    ok = run(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config`) && ok;
  }
  ok = run(`python3 -m pip install --quiet ${missing.map(([, p]) => p).join(' ')}`) && ok;
}

// Held below the next major: its command line and schemathesis.toml are what the contract
// test speaks, and a major release may rename them.
const SCHEMATHESIS = 'schemathesis>=4.32,<5';
const SCHEMATHESIS_CHECK =
  "import importlib.metadata as m, sys; v = tuple(int(p) for p in m.version('schemathesis').split('.')[:2]); sys.exit(0 if (4, 32) <= v < (5, 0) else 1)";
const hasSchemathesis = spawnSync('python3', ['-c', SCHEMATHESIS_CHECK], { stdio: 'ignore' }).status === 0;
if (!hasSchemathesis) {
  process.stderr.write('Schemathesis 4.32+ (Python) is missing; the API contract test runs it against the server.\n');
  ok = run(`python3 -m pip install --quiet '${SCHEMATHESIS}'`) && ok;
}

if (!ok) {
  process.stderr.write('Could not install the test tools above; install them and run npm test again.\n');
  process.exit(1);
}
try {
  execSync(`${CHROMIUM} --version`, { stdio: 'ignore' });
} catch {
  process.stderr.write(`${CHROMIUM} does not start; check the Chromium installation.\n`);
  process.exit(1);
}
