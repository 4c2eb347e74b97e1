import type { ComponentType } from 'react';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Paragraph } from '@strapi/icons';
import { ImportHistoryPanel } from './components/ImportHistoryPanel';
import { ImportRawTextAction } from './components/ImportRawTextAction';
import { PERMISSIONS, PLUGIN_PAGE_PATH } from './constants';
import { pluginId } from './pluginId';
import { getTranslation } from './utils/getTranslation';
import { prefixPluginTranslations } from './utils/prefixPluginTranslations';

/** Just what this file needs of the admin app's API (StrapiApp's own type is not exported for plugins). */
interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  addMenuLink(link: unknown): void;
  getPlugin(id: string):
    | {
        injectComponent(view: string, zone: string, component: { name: string; Component: ComponentType }): void;
        /** The Content Manager's plugin APIs (content-manager.d.ts of @strapi/content-manager 5.54). */
        apis?: { addEditViewSidePanel?(panels: PanelComponent[]): void };
      }
    | undefined;
}

// eslint-disable-next-line import/no-default-export
export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: pluginId, name: pluginId });

    // The menu shows the link only to roles holding plugin::raw-import.import; the page checks again.
    app.addMenuLink({
      to: PLUGIN_PAGE_PATH.slice(1),
      icon: Paragraph,
      intlLabel: { id: getTranslation('plugin.name'), defaultMessage: 'Raw import' },
      permissions: PERMISSIONS.import,
      Component: () => import('./pages/RawImportPage').then((mod) => ({ default: mod.ProtectedRawImportPage })),
    });
  },

  bootstrap(app: AdminApp) {
    const contentManager = app.getPlugin('content-manager');
    contentManager?.injectComponent('listView', 'actions', {
      name: `${pluginId}-import-raw-text`,
      Component: ImportRawTextAction,
    });
    // The article's import history, beside the edit form (the panel returns null for other content types).
    contentManager?.apis?.addEditViewSidePanel?.([ImportHistoryPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map((locale) =>
        import(`./translations/${locale}.json`)
          .then(({ default: data }) => ({ data: prefixPluginTranslations(data, pluginId), locale }))
          // A locale without a file falls back to the defaultMessage of every string.
          .catch(() => ({ data: {}, locale }))
      )
    );
  },
};
