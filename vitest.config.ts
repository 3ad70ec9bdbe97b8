// Three tiers, each with its own setup: unit (no database), int (the real Neo4j, seeded),
// e2e (the real Neo4j, the built web app served, headless Chromium).
import { defineConfig } from 'vitest/config';

// Int files that start and stop Neo4j instances of their own and never touch the tier's shared
// one. They form a project of their own, `int-own`, which `npm test` runs in the e2e tier's
// process: the int tier is the longer of the two. `npm run test:int` still runs them with the
// rest of the tier. (neo4j-restart stays in the int tier: in int-own it failed four runs out of
// four on the loaded machine, a request timing out after the restart; in the int tier it passed.)
const OWN_NEO4J = ['tests/int/cli-data.int.test.ts', 'tests/int/neo4j-local.int.test.ts'];

// Every project runs its files with `isolate: false`: a file shares its worker's module cache
// instead of starting a fresh process and importing the server, the driver and zod again, about
// 2 s of CPU a file (24 int files: 105 → 56 s of CPU). No test mocks modules, stubs globals or
// leaves a setting changed (past-reads and recorded-at set the past-reads method back), so a
// file sees no other file's state; each still builds its own app and database handles.
const isolate = false;
// Without isolation vitest groups files by `sequence.groupOrder`, and projects in one group must
// share maxWorkers: unit (3 workers) first, then every one-file-at-a-time project (1 worker), as
// vitest did by itself with isolation.
const oneAtATime = { isolate, fileParallelism: false, sequence: { groupOrder: 1 } };

export default defineConfig({
  test: {
    reporters: ['default'],
    // Unit files run side by side. The int and e2e tiers each run their files one at a time, and
    // vitest puts every such file into one queue whatever its project, so `npm test` starts the
    // int tier and the e2e tier as two vitest processes (package.json) to let them overlap.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          isolate,
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/setup/fast-check.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'int',
          ...oneAtATime,
          include: ['tests/int/**/*.int.test.ts'],
          exclude: OWN_NEO4J,
          globalSetup: ['tests/setup/database.ts'],
          setupFiles: ['tests/setup/fast-check.ts'],
          // One Neo4j for all: files run one after another so restart tests do not disturb others.
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'int-own',
          ...oneAtATime,
          include: OWN_NEO4J,
          // No global setup: no shared Neo4j to start. One file at a time, in the same queue as
          // the e2e files, so their Java starts do not pile up on two cores.
          setupFiles: ['tests/setup/fast-check.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          ...oneAtATime,
          include: ['tests/e2e/**/*.e2e.test.ts'],
          // Beside the int tier, on a Neo4j of its own (tests/setup/database.ts): the curation
          // stories' writes never reach the int tests' "nothing was written" digests.
          globalSetup: ['tests/setup/database.ts', 'tests/setup/server.ts'],
          testTimeout: 90_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
