// The tests `npm run mutate:int` runs against each mutant (stryker.int.config.json): the
// console's layers and errors, import, backup and restore on the real Neo4j. Start a seeded
// Neo4j and a throw-away one first and pass NEO4J_URI and SCRATCH_NEO4J_URI, so that no
// mutant's run starts a server (docs/mutation-testing.md).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/int/console-layers.int.test.ts', 'tests/int/api-errors.int.test.ts', 'tests/int/import-backup.int.test.ts'],
    globalSetup: ['tests/setup/database.ts'],
    setupFiles: ['tests/setup/fast-check.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
