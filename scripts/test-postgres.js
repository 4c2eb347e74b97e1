#!/usr/bin/env node
// Runs the integration suites against the local PostgreSQL server. Each suite creates a fresh
// database of its own and drops it when it closes (tests/helpers/strapi.ts). Connection from
// DATABASE_HOST / DATABASE_PORT / DATABASE_USERNAME / DATABASE_PASSWORD (default 127.0.0.1:5432, postgres).
const { spawnSync } = require('child_process');

const env = { ...process.env, DATABASE_CLIENT: 'postgres' };
const args = ['jest', '--selectProjects', 'integration', '--runInBand', ...process.argv.slice(2)];
const result = spawnSync('npx', args, { stdio: 'inherit', env });
process.exit(result.status ?? 1);
