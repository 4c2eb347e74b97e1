import { documentId, importRequest, importResponse, jobCreated, jobList, jobReport, jobUpload, previewRequest, previewResponse } from './schemas';

const json = <T>(schema: T) => ({ 'application/json': schema });
/** RAW_IMPORT_RATE_LIMIT per API token (middlewares/rate-limit.ts); the admin routes have none. */
const RATE_LIMIT = 'plugin::raw-import.rate-limit';

/**
 * What API clients reach under /api/raw-import: an API token whose scope includes
 * plugin::raw-import.text.preview / .import, and for bulk jobs plugin::raw-import.jobs.submit / .progress / .recent / .resplit
 * (full-access tokens do; read-only tokens and the public role do not). `request` and `response`
 * describe the routes for the OpenAPI document (see ./schemas).
 */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'POST',
      path: '/preview',
      handler: 'text.preview',
      request: { body: json(previewRequest) },
      response: previewResponse,
      config: { policies: [], middlewares: [RATE_LIMIT] },
    },
    {
      method: 'POST',
      path: '/import',
      handler: 'text.import',
      request: { body: json(importRequest) },
      response: importResponse,
      config: { policies: [], middlewares: [RATE_LIMIT] },
    },
    {
      method: 'POST',
      path: '/jobs',
      handler: 'jobs.submit',
      request: { body: { 'multipart/form-data': jobUpload } },
      response: jobCreated,
      config: { policies: [] },
    },
    { method: 'GET', path: '/jobs', handler: 'jobs.recent', response: jobList, config: { policies: [] } },
    {
      method: 'GET',
      path: '/jobs/:id',
      handler: 'jobs.progress',
      request: { params: { id: documentId } },
      response: jobReport,
      config: { policies: [] },
    },
    { method: 'POST', path: '/resplit', handler: 'jobs.resplit', response: jobCreated, config: { policies: [] } },
  ],
};
