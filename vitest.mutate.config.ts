// The tests `npm run mutate` runs against each mutant (stryker.config.json): the unit tests of
// the pure guards (keyword guard, rows to elements, configuration, import reading, backup-file
// checks, account secrets). What talks to Neo4j is judged by mutate:int on a real Neo4j.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/console-guard.test.ts',
      'tests/unit/console-elements.test.ts',
      'tests/unit/config.test.ts',
      'tests/unit/import-parse.test.ts',
      'tests/unit/import-read.test.ts',
      'tests/unit/auth-secrets.test.ts',
      'tests/unit/backup-file.test.ts',
    ],
    setupFiles: ['tests/setup/fast-check.ts'],
  },
});
