import { z } from '@strapi/utils';

/** The OpenAPI document, open to anyone (no token): it describes the API, it holds no content. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'openapi.document',
      response: z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }).describe('This OpenAPI 3.1 document.'),
      config: { auth: false, policies: [] },
    },
  ],
};
