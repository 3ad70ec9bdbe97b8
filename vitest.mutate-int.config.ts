// The tests `npm run mutate:int` runs against each mutant (stryker.int.config.json): the
// console's layers and errors, import, backup and restore on the real Neo4j. Start one Neo4j
// first and pass NEO4J_URI, so each mutant's run connects instead of starting a server.
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
