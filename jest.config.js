/** Two projects: fast unit tests of the pure core, and integration tests that boot a real Strapi. */
const tsJest = ['ts-jest', { tsconfig: 'tests/tsconfig.json' }];

module.exports = {
  testTimeout: 120000,
  // dist/ holds a compiled copy of the plugin (same package name): keep it out of jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
    },
  ],
};
