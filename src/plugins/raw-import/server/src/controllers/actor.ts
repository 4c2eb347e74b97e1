import type { ImportActor } from '../../../shared/contracts';

interface RequestState {
  user?: { id: number | string; firstname?: string | null; lastname?: string | null; email?: string | null };
  auth?: { strategy?: { name?: string }; credentials?: unknown };
}

/**
 * Who is importing, for the import log and the job: the admin user on the admin routes (admin
 * JWT), the API token on the content-API routes; null for anyone else (no route lets them import).
 */
export function actorOf(state: RequestState): ImportActor | null {
  const strategy = state.auth?.strategy?.name;
  if (strategy === 'admin' && state.user) {
    const { id, firstname, lastname, email } = state.user;
    const fullName = [firstname, lastname].filter(Boolean).join(' ');
    return { type: 'admin', id, name: fullName && email ? `${fullName} <${email}>` : fullName || email || null };
  }
  // Strapi 5.54 names its content-API token strategy `content-api-token` (earlier 5.x: `api-token`).
  if ((strategy === 'content-api-token' || strategy === 'api-token') && state.auth?.credentials) {
    const { id, name } = state.auth.credentials as { id: number | string; name?: string | null };
    return { type: 'api-token', id, name: name ?? null };
  }
  return null;
}
