/** Prefix every key of a translation file with the plugin id, as the admin's catalogue expects. */
export const prefixPluginTranslations = (translations: Record<string, string>, pluginId: string) =>
  Object.fromEntries(Object.entries(translations).map(([key, value]) => [`${pluginId}.${key}`, value]));
