import { pluginId } from '../pluginId';

/** Plugin messages live under the plugin's id in the admin's i18n catalogue: "raw-import.page.title". */
export const getTranslation = (id: string) => `${pluginId}.${id}`;
