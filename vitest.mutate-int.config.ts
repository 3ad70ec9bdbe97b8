// The tests `npm run mutate:int` runs against each mutant (stryker.int.config.json): the
// console's layers, import, backup and restore on the real Neo4j. The console route's other
// tests (the hostile corpus, api-errors) judge nothing the unit run leaves open, and would
// multiply the run time. Not part of npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/int/console-layers.int.test.ts', 'tests/int/import-backup.int.test.ts'],
    globalSetup: ['tests/setup/database.ts'],
    setupFiles: ['tests/setup/fast-check.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
