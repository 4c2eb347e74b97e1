import crypto from 'crypto';

/** Test-only secrets: the tests never need a .env. */
export function useTestEnvironment() {
  const defaults: Record<string, string> = {
    NODE_ENV: 'test',
    APP_KEYS: 'testKeyA,testKeyB',
    API_TOKEN_SALT: 'test-api-token-salt',
    ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
    JWT_SECRET: 'test-jwt-secret',
    ENCRYPTION_KEY: crypto.createHash('sha256').update('newsdesk-tests').digest('base64'),
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
  };
  for (const [key, value] of Object.entries(defaults)) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}
