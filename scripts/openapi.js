#!/usr/bin/env node
// `npm run openapi`: writes docs/openapi.json, the OpenAPI 3.1 document of the content API as
// GET /api/openapi.json serves it (Strapi's generator, then src/api/openapi/document/corrections.ts),
// once it validates. `npm run openapi -- --check` writes nothing and fails when docs/openapi.json is stale.
//
// Boots the compiled app on a throw-away SQLite database: the development database is never touched.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { appDir, distDir, ensureCompiled } = require('./compiled');

const target = path.join(appDir, 'docs', 'openapi.json');
const check = process.argv.includes('--check');

async function generate() {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-openapi-'));
  // No request is ever served: throw-away secrets do where none are set.
  const secret = () => crypto.randomBytes(32).toString('base64');
  for (const key of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) process.env[key] ??= secret();
  process.env.APP_KEYS ??= `${secret()},${secret()}`;
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmpDir, 'openapi.db'), RAW_IMPORT_WORKER: 'off', STRAPI_LOG_LEVEL: 'error', STRAPI_TELEMETRY_DISABLED: 'true' });
  delete process.env.DATABASE_URL;

  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    return strapi.service('api::openapi.openapi').document();
  } finally {
    await strapi.destroy();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

async function main() {
  ensureCompiled();
  const document = await generate();
  // validate() dereferences in place: give it a copy.
  await require('@apidevtools/swagger-parser').validate(structuredClone(document));
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (check) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== text) throw new Error('docs/openapi.json is stale: run `npm run openapi`.');
    console.log('docs/openapi.json is up to date.');
    return;
  }
  fs.writeFileSync(target, text);
  console.log(`Wrote docs/openapi.json: OpenAPI ${document.openapi}, ${Object.keys(document.paths).length} paths, valid.`);
}

main().then(
  () => process.exit(),
  (error) => {
    console.error(error.message ?? error);
    process.exit(1);
  }
);
