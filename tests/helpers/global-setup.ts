import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import { useTestEnvironment } from './env';

/** Compile the app (and the plugin's server code) once for every integration test file. */
export default async function globalSetup() {
  useTestEnvironment();
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
}
