import type { Core } from '@strapi/strapi';
import { ACTIONS, adminActions, PLUGIN_ID } from './permissions';
import { ensureImportSchema } from './repositories/schema';
import { getService } from './utils';

const EDITOR_ROLE = 'strapi-editor';

/**
 * Editors get the import action by default, once: an administrator who later takes it away
 * does not see it come back on the next restart.
 */
async function grantEditorOnce(strapi: Core.Strapi, roleId: number | string) {
  const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
  if (await store.get({ key: 'editor-granted' })) return;

  const permissions = strapi.db.query('admin::permission');
  const existing = await permissions.findOne({ where: { action: ACTIONS.import, role: roleId } });
  if (!existing) {
    await permissions.create({
      data: { action: ACTIONS.import, actionParameters: {}, subject: null, properties: {}, conditions: [], role: roleId },
    });
  }
  await store.set({ key: 'editor-granted', value: true });
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(adminActions);

  // On a fresh database the admin creates its default roles after plugins bootstrap.
  const editor = await strapi.db.query('admin::role').findOne({ where: { code: EDITOR_ROLE } });
  if (editor) {
    await grantEditorOnce(strapi, editor.id);
  } else {
    strapi.db.lifecycles.subscribe({
      models: ['admin::role'],
      async afterCreate(event) {
        if (event.result?.code === EDITOR_ROLE) await grantEditorOnce(strapi, event.result.id);
      },
    });
  }

  await ensureImportSchema(strapi);
  // Jobs queued before jobs had a submitter: their submitters see them again.
  await getService(strapi, 'jobs').backfillSubmitters();

  // Every instance takes bulk-import jobs from the shared database, except the import CLI's.
  if (process.env.RAW_IMPORT_WORKER !== 'off') await getService(strapi, 'jobs').startWorker();
};
