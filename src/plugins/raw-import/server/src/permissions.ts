/** Every RBAC action the plugin registers, in one place. */
export const PLUGIN_ID = 'raw-import';

export const ACTIONS = {
  import: `plugin::${PLUGIN_ID}.import`,
} as const;

export const adminActions = [
  {
    section: 'plugins',
    displayName: 'Import raw text',
    uid: 'import',
    pluginName: PLUGIN_ID,
  },
];
