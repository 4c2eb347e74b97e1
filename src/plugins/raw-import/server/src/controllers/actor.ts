import type { ImportActor } from '../../../shared/contracts';
import { ACTIONS } from '../permissions';
import { submitterOf, type JobScope } from '../repositories/job-store';

interface RequestState {
  user?: { id: number | string; firstname?: string | null; lastname?: string | null; email?: string | null };
  auth?: { strategy?: { name?: string }; credentials?: unknown };
  userAbility?: { can(action: string, subject?: string): boolean };
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

/**
 * Whose bulk jobs the caller may read: every job for an admin holding `read-all-jobs` (the Super
 * Admin, or a role it was granted to) and for a full-access API token; otherwise only the jobs
 * the caller submitted (an Editor does not see another Editor's jobs, a custom token only its
 * own). Null for a caller who submits no jobs.
 */
export function jobScopeOf(state: RequestState): JobScope | null {
  const actor = actorOf(state);
  const submitter = submitterOf(actor);
  if (!actor || submitter === null) return null;
  if (actor.type === 'admin' && state.userAbility?.can(ACTIONS.readAllJobs) === true) return {};
  if (actor.type === 'api-token' && (state.auth?.credentials as { type?: string } | undefined)?.type === 'full-access') return {};
  return { submitter };
}
