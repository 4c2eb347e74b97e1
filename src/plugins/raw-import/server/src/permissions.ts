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
];
