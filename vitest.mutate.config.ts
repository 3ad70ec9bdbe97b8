// The tests `npm run mutate` runs against each mutant (stryker.config.json): the fast unit
// tests of the keyword guard, the configuration and the backup-file checks. Not part of npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/console-guard.test.ts',
      'tests/unit/console-route.test.ts',
      'tests/unit/console-elements.test.ts',
      'tests/unit/config.test.ts',
      'tests/unit/import-parse.test.ts',
    ],
    setupFiles: ['tests/setup/fast-check.ts'],
  },
});
