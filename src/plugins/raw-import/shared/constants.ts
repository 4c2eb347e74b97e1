/** Names the admin, the server, the CLI and the tests share: one definition each. */
export const PLUGIN_ID = 'raw-import';

/** Every RBAC action the plugin registers. */
export const ACTIONS = {
  import: `plugin::${PLUGIN_ID}.import`,
} as const;

export const ARTICLE_UID = 'api::article.article';
