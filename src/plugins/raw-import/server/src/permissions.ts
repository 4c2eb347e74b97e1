/** The RBAC actions the plugin registers (their names live in shared/constants). */
import { PLUGIN_ID } from '../../shared/constants';

export { PLUGIN_ID, ACTIONS } from '../../shared/constants';

export const adminActions = [
  {
    section: 'plugins',
    displayName: 'Import raw text',
    uid: 'import',
    pluginName: PLUGIN_ID,
  },
  {
    section: 'plugins',
    displayName: 'Read every bulk job',
    uid: 'read-all-jobs',
    pluginName: PLUGIN_ID,
  },
];
