// The tests `npm run mutate` runs against each mutant (see stryker.config.json): the fast unit
// tests of the guards and the configuration, and the integration tests of the console, import
// and restore on the real Neo4j. Not part of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/console-guard.test.ts',
      'tests/unit/config.test.ts',
      'tests/unit/import-parse.test.ts',
      'tests/int/console-layers.int.test.ts',
      'tests/int/console-hostile.int.test.ts',
      'tests/int/import-backup.int.test.ts',
    ],
    globalSetup: ['tests/setup/database.ts'],
    setupFiles: ['tests/setup/fast-check.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
