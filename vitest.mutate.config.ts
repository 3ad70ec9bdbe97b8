// The tests `npm run mutate` runs against each mutant (stryker.config.json): the unit tests of
// the console's guard and route, the configuration, import, backup and restore, with Neo4j
// replaced by stand-ins where they need it. Not part of npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/console-guard.test.ts',
      'tests/unit/console-route.test.ts',
      'tests/unit/console-elements.test.ts',
      'tests/unit/config.test.ts',
      'tests/unit/import-parse.test.ts',
      'tests/unit/import-read.test.ts',
      'tests/unit/import-facts.test.ts',
      'tests/unit/backup-restore.test.ts',
    ],
    setupFiles: ['tests/setup/fast-check.ts'],
  },
});
