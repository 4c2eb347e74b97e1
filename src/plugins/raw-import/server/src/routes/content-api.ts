/**
 * What API clients reach under /api/raw-import: an API token whose scope includes
 * plugin::raw-import.text.preview / .import, and for bulk jobs plugin::raw-import.jobs.submit / .progress / .recent / .resplit
 * (full-access tokens do; read-only tokens and the public role do not).
 */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/preview', handler: 'text.preview', config: { policies: [] } },
    { method: 'POST', path: '/import', handler: 'text.import', config: { policies: [] } },
    { method: 'POST', path: '/jobs', handler: 'jobs.submit', config: { policies: [] } },
    { method: 'GET', path: '/jobs', handler: 'jobs.recent', config: { policies: [] } },
    { method: 'GET', path: '/jobs/:id', handler: 'jobs.progress', config: { policies: [] } },
    { method: 'POST', path: '/resplit', handler: 'jobs.resplit', config: { policies: [] } },
  ],
};
