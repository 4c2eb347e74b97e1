import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../../../shared/constants';

const READ = 'plugin::content-manager.explorer.read';

interface PolicyContext {
  state: { userAbility?: unknown };
  params?: { documentId?: string };
}

interface PermissionChecker {
  can: { read(entity?: unknown): boolean };
  requiresEntity(action: string): boolean;
}

/**
 * Admin routes about one article (its import history): whoever may read THAT article in the
 * Content Manager, checked as the Content Manager checks it: a role whose read permission has
 * conditions (the Author's "is creator") may read only the articles they meet. An article that
 * no longer exists (its history outlives it) is for roles that may read every article.
 */
const canReadArticle = async (policyContext: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const userAbility = policyContext.state.userAbility;
  if (!userAbility) return false;
  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility, model: ARTICLE_UID }) as PermissionChecker;
  if (!checker.can.read()) return false;
  if (!checker.requiresEntity(READ)) return true;

  const documentId = policyContext.params?.documentId;
  if (!documentId) return false;
  // The draft: every article has one, and it is what the Content Manager opens.
  const draft = await strapi.db
    .query(ARTICLE_UID)
    .findOne({ where: { documentId, publishedAt: null }, populate: { createdBy: true, updatedBy: true } });
  return draft ? checker.can.read(draft) : false;
};

export default { 'can-read-articles': canReadArticle };
