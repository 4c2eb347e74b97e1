#!/usr/bin/env node
// First run on a fresh clone: write .env from .env.example with fresh random secrets,
// so `npm run develop` works without hand-editing. Production never gets generated secrets.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const target = path.join(root, '.env');
const SECRETS = ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

const secret = () => crypto.randomBytes(24).toString('base64');

function main() {
  if (fs.existsSync(target)) return;
  if (process.env.NODE_ENV === 'production') {
    console.error('No .env in production: set APP_KEYS, API_TOKEN_SALT, ADMIN_JWT_SECRET, TRANSFER_TOKEN_SALT, JWT_SECRET and ENCRYPTION_KEY in the environment.');
    return;
  }
  const lines = fs.readFileSync(path.join(root, '.env.example'), 'utf8').split('\n').map((line) => {
    const [key] = line.split('=', 1);
    if (key === 'APP_KEYS') return `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`;
    if (SECRETS.includes(key)) return `${key}=${secret()}`;
    return line;
  });
  fs.writeFileSync(target, lines.join('\n'), { mode: 0o600 });
  console.error('Wrote .env with freshly generated development secrets (see .env.example).');
}

main();
