import type { Core } from '@strapi/strapi';

/** What the public role may read: published content only (the controllers pin the status). */
const PUBLIC_READ_ACTIONS = ['article', 'related-teaser', 'figure'].flatMap((name) =>
  ['find', 'findOne'].map((action) => `api::${name}.${name}.${action}`)
);

/**
 * Grants the public role read access once, on the first boot: an administrator who later takes a
 * permission away does not see it come back on the next restart.
 */
async function grantPublicRead(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'core', name: 'newsdesk' });
  if (await store.get({ key: 'public-read-granted' })) return;

  const publicRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!publicRole) return;

  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted = await permissions.findMany({
    where: { role: publicRole.id, action: { $in: PUBLIC_READ_ACTIONS } },
  });
  const have = new Set(granted.map((permission) => permission.action));
  for (const action of PUBLIC_READ_ACTIONS.filter((a) => !have.has(a))) {
    await permissions.create({ data: { action, role: publicRole.id } });
  }
  await store.set({ key: 'public-read-granted', value: true });
}

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantPublicRead(strapi);
  },
};
