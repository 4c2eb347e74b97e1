import { ARTICLE_UID } from '../../../shared/constants';

interface PolicyContext {
  state: { userAbility?: { can(action: string, subject?: string): boolean } };
}

/** Admin routes about one article: whoever may read articles in the Content Manager may use them. */
const canReadArticles = (policyContext: PolicyContext) =>
  policyContext.state.userAbility?.can('plugin::content-manager.explorer.read', ARTICLE_UID) === true;

export default { 'can-read-articles': canReadArticles };
