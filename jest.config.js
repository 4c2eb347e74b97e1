/** Two projects: fast unit tests of the pure core, and integration tests that boot a real Strapi. */
// dist/ holds a compiled copy of the plugin (same package name): keep it out of jest's module map.
const modulePathIgnorePatterns = ['<rootDir>/dist/'];
const tsJest = ['ts-jest', { tsconfig: 'tests/tsconfig.json' }];

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      modulePathIgnorePatterns,
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      modulePathIgnorePatterns,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
    },
  ],
};
