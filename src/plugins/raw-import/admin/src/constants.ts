import { ACTIONS, ARTICLE_UID } from '../../shared/constants';
import { pluginId } from './pluginId';

/** Who may see the menu entry, the page and the list-view action: holders of plugin::raw-import.import. */
export const PERMISSIONS = {
  import: [{ action: ACTIONS.import, subject: null }],
};

export { ARTICLE_UID };

/** The plugin page, relative to the admin router's basename (/admin). */
export const PLUGIN_PAGE_PATH = `/plugins/${pluginId}`;

/** The Content Manager's edit view of one article, relative to the admin router's basename. */
export const articleEditPath = (documentId: string) =>
  `/content-manager/collection-types/${ARTICLE_UID}/${encodeURIComponent(documentId)}`;

/** The browser remembers the last bulk job, so that leaving the page and coming back shows it again. */
export const LAST_JOB_STORAGE_KEY = `${pluginId}:last-job`;

export const JOB_POLL_INTERVAL_MS = 1000;
