import { PLUGIN_ID } from '../../server/src/permissions';

/** The admin side uses the server's plugin id: one name, one definition. */
export const pluginId = PLUGIN_ID;
