/** Names the admin, the server, the CLI and the tests share: one definition each. */
export const PLUGIN_ID = 'raw-import';

/** Every RBAC action the plugin registers. */
export const ACTIONS = {
  import: `plugin::${PLUGIN_ID}.import`,
  /** Read every bulk job, not only one's own (Super Admin holds it; grant it to a chief editor's role). */
  readAllJobs: `plugin::${PLUGIN_ID}.read-all-jobs`,
} as const;

export const ARTICLE_UID = 'api::article.article';
