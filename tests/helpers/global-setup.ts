import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { useTestEnvironment } from './env';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { recordCompiled } = require('../../scripts/compiled');

/** Compile the app (and the plugin's server code) once for every integration test file. */
export default async function globalSetup() {
  useTestEnvironment();
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
  // The import CLI, spawned by the tests, then knows dist/ is fresh and does not compile again.
  recordCompiled();
}
