/**
 * The OpenAPI document of the content API (src/api/openapi): read by Strapi's generator
 * (@strapi/openapi: `servers`, `security`, `globalSecurity`) and by our route (`enabled`).
 */
export default ({ env }) => ({
  // GET /api/openapi.json answers outside production, or wherever OPENAPI_ENABLED=true.
  enabled: env.bool('OPENAPI_ENABLED', env('NODE_ENV', 'development') !== 'production'),
  // Paths are written without the REST prefix; relative, so the document fits any host it is served from.
  servers: [{ url: '/api', description: 'The content API of the server this document came from' }],
  security: {
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      description:
        "A Strapi API token (Settings → API Tokens), as `Authorization: Bearer <token>`: full-access, read-only, or custom with the route's action (plugin::raw-import.text.import, …). A users-permissions JWT works too where its role holds the action.",
    },
  },
  globalSecurity: [{ bearerAuth: [] }],
});
