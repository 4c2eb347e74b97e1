import request from 'supertest';
import type { TestApp } from './strapi';

const PASSWORD = 'Newsdesk-Test-1';

/** Registers the first admin (a Super Admin) through the admin API and returns its JWT. */
export async function registerFirstAdmin(app: TestApp): Promise<string> {
  const res = await request(app.server)
    .post('/admin/register-admin')
    .send({ email: 'chief@newsdesk.test', password: PASSWORD, firstname: 'Chief', lastname: 'Editor' })
    .expect(200);
  return res.body.data.token;
}

/** Creates an admin user holding one of the default roles (strapi-editor, strapi-author) and logs it in. */
export async function loginWithRole(app: TestApp, roleCode: string, email: string): Promise<string> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: roleCode,
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const res = await request(app.server).post('/admin/login').send({ email, password: PASSWORD }).expect(200);
  return res.body.data.token;
}

/** A content-API token: full-access, read-only, or custom with the given actions. */
export async function createApiToken(
  app: TestApp,
  type: 'full-access' | 'read-only' | 'custom',
  permissions: string[] = []
): Promise<string> {
  const token = await app.strapi.service('admin::api-token').create({
    name: `${type}-${Math.random().toString(36).slice(2)}`,
    description: '',
    type,
    kind: 'content-api',
    lifespan: null,
    ...(type === 'custom' ? { permissions } : {}),
  });
  return token.accessKey;
}
