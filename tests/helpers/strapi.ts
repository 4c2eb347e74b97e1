import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { createStrapi, type Core } from '@strapi/strapi';
import { useTestEnvironment } from './env';

const appDir = path.resolve(__dirname, '..', '..');

export interface TestApp {
  strapi: Core.Strapi;
  /** The mounted Koa server, for supertest (no port is opened). */
  server: Core.Strapi['server']['httpServer'];
  close(): Promise<void>;
}

/** A connection to the PostgreSQL server itself (database "postgres"), from the DATABASE_* variables. */
const serverClient = () =>
  new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: 'postgres',
  });

async function onServer(sql: string) {
  const client = serverClient();
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Boots a real Strapi on a fresh database of its own: a temporary SQLite file by default, or,
 * with DATABASE_CLIENT=postgres, a new database on the PostgreSQL server, dropped on close.
 */
export async function bootStrapi(): Promise<TestApp> {
  useTestEnvironment();
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  const tmpDir = client === 'sqlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-')) : null;
  if (tmpDir) process.env.DATABASE_FILENAME = path.join(tmpDir, 'data.db');
  const pgDatabase = client === 'postgres' ? `newsdesk_test_${process.pid}_${Date.now()}` : null;
  if (pgDatabase) {
    await onServer(`CREATE DATABASE ${pgDatabase}`);
    process.env.DATABASE_NAME = pgDatabase;
    delete process.env.DATABASE_URL;
  }

  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.server.mount();

  return {
    strapi,
    server: strapi.server.httpServer,
    async close() {
      await strapi.destroy();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
      if (pgDatabase) await onServer(`DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`);
    },
  };
}
