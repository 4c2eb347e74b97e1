import { PLUGIN_ID } from '../../shared/constants';

/** The admin side uses the plugin id shared with the server: one name, one definition. */
export const pluginId = PLUGIN_ID;
