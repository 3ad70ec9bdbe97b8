// The tests `npm run mutate` runs against each mutant (stryker.config.json): the fast unit
// tests of the keyword guard, the configuration, the backup-file checks and account secrets. Not part of npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/console-guard.test.ts',
      'tests/unit/config.test.ts',
      'tests/unit/import-parse.test.ts',
      'tests/unit/auth-secrets.test.ts',
    ],
    setupFiles: ['tests/setup/fast-check.ts'],
  },
});
