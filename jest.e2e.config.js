/**
 * Browser end-to-end tests (`npm run test:e2e`), kept out of `npm test`: they build the admin panel once
 * (≈ 1 min; E2E_SKIP_BUILD=1 reuses dist/), then each file starts `strapi start` on its own port and
 * SQLite file and drives Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH) with playwright-core.
 */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tests/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // dist/ holds a compiled copy of the plugin (same package name): keep it out of jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  globalSetup: '<rootDir>/tests/e2e/helpers/global-setup.ts',
  testTimeout: 180000,
  // One Strapi and one chromium at a time: a file needs ≈ 400 MB.
  maxWorkers: 1,
};
