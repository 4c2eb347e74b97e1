import type { Page } from 'playwright-core';
import { mainNavigation } from './ui';

export interface AdminAccount {
  email: string;
  password: string;
  firstname: string;
  lastname: string;
}

export const CHIEF: AdminAccount = {
  email: 'chief@newsdesk.test',
  password: 'Newsdesk-Test-1',
  firstname: 'Chief',
  lastname: 'Editor',
};

async function adminApi<T>(baseUrl: string, method: string, route: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { data: T };
  if (!res.ok) throw new Error(`${method} ${route} → ${res.status}: ${JSON.stringify(json)}`);
  return json.data;
}

/** The first admin (a Super Admin), through the admin API; returns its JWT. */
export async function registerFirstAdminViaApi(baseUrl: string, account: AdminAccount = CHIEF): Promise<string> {
  const data = await adminApi<{ token: string }>(baseUrl, 'POST', '/admin/register-admin', account);
  return data.token;
}

export async function loginViaApi(baseUrl: string, account: AdminAccount): Promise<string> {
  const data = await adminApi<{ token: string }>(baseUrl, 'POST', '/admin/login', {
    email: account.email,
    password: account.password,
  });
  return data.token;
}

/** Another admin user holding one default role (strapi-editor, strapi-author), invited and registered as the admin UI does. */
export async function createUserWithRole(baseUrl: string, superAdminToken: string, roleCode: string, account: AdminAccount) {
  const roles = await adminApi<{ id: number; code: string }[]>(baseUrl, 'GET', '/admin/roles', undefined, superAdminToken);
  const role = roles.find((candidate) => candidate.code === roleCode);
  if (!role) throw new Error(`No admin role ${roleCode}`);
  const invited = await adminApi<{ registrationToken: string }>(
    baseUrl,
    'POST',
    '/admin/users',
    { firstname: account.firstname, lastname: account.lastname, email: account.email, roles: [role.id] },
    superAdminToken
  );
  await adminApi(baseUrl, 'POST', '/admin/register', {
    registrationToken: invited.registrationToken,
    userInfo: { firstname: account.firstname, lastname: account.lastname, password: account.password },
  });
}

/** Fills in the first-admin registration form that /admin redirects to on a fresh database. */
export async function registerFirstAdminInUi(page: Page, baseUrl: string, account: AdminAccount = CHIEF) {
  await page.goto(`${baseUrl}/admin`);
  await page.waitForURL(/\/admin\/auth\/register-admin/);
  await page.locator('input[name="firstname"]').fill(account.firstname);
  await page.locator('input[name="lastname"]').fill(account.lastname);
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('input[name="confirmPassword"]').fill(account.password);
  await page.getByRole('button', { name: "Let's start" }).click();
  await mainNavigation(page).waitFor();
}

export async function loginInUi(page: Page, baseUrl: string, account: AdminAccount) {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await mainNavigation(page).waitFor();
}
