import { ACTIONS } from '../permissions';

const canImport = [{ name: 'admin::hasPermissions', config: { actions: [ACTIONS.import] } }];
/** Whoever may read articles in the Content Manager may read their import history. */
const canReadArticles = ['admin::isAuthenticatedAdmin', 'plugin::raw-import.can-read-articles'];

/** What editors reach from the admin panel: admin JWT, RBAC action plugin::raw-import.import. */
export default {
  type: 'admin',
  routes: [
    { method: 'POST', path: '/preview', handler: 'text.preview', config: { policies: canImport } },
    { method: 'POST', path: '/import', handler: 'text.import', config: { policies: canImport } },
    { method: 'POST', path: '/jobs', handler: 'jobs.submit', config: { policies: canImport } },
    { method: 'GET', path: '/jobs', handler: 'jobs.recent', config: { policies: canImport } },
    { method: 'GET', path: '/jobs/:id', handler: 'jobs.progress', config: { policies: canImport } },
    { method: 'POST', path: '/resplit', handler: 'jobs.resplit', config: { policies: canImport } },
    { method: 'GET', path: '/articles/:documentId/imports', handler: 'text.history', config: { policies: canReadArticles } },
  ],
};
