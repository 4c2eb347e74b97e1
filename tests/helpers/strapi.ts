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

export interface TestDatabase {
  /** The DATABASE_* variables that point at it (also set in process.env). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A fresh database of the test's own: a temporary SQLite file by default, or, with
 * DATABASE_CLIENT=postgres, a new database on the PostgreSQL server.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  useTestEnvironment();
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client === 'postgres') {
    const name = `newsdesk_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    await onServer(`CREATE DATABASE ${name}`);
    delete process.env.DATABASE_URL;
    process.env.DATABASE_NAME = name;
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name },
      drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-'));
  process.env.DATABASE_FILENAME = path.join(tmpDir, 'data.db');
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: process.env.DATABASE_FILENAME },
    drop: async () => fs.rmSync(tmpDir, { recursive: true, force: true }),
  };
}

/** Boots a real Strapi on a fresh database of its own (see createTestDatabase), dropped on close. */
export async function bootStrapi(): Promise<TestApp> {
  const database = await createTestDatabase();
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
      await database.drop();
    },
  };
}

/** Deletes every article, teaser, figure, their links, band keys and import-log rows: a clean slate between tests. */
export async function clearArticles(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  for (const table of ['related_teasers_article_lnk', 'related_teasers_linked_article_lnk', 'figures_article_lnk', 'related_teasers', 'figures', 'articles', 'raw_import_bands', 'raw_import_log']) {
    await knex(table).delete();
  }
}

/**
 * Boots a Strapi of our own on the database the environment names (after a CLI wrote to it, for
 * example), runs `read` and destroys it.
 */
export async function withStrapi<T>(read: (strapi: Core.Strapi) => Promise<T>): Promise<T> {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  try {
    return await read(strapi);
  } finally {
    await strapi.destroy();
  }
}
