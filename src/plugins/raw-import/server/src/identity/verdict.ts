/** What an import does with one text, given the story it was matched with: pure rules, no database. */
import type { ImportChanges, ImportStatus, OnExisting } from '../../../shared/contracts';
import type { KnownArticle } from '../repositories/articles';
import type { PreparedArticle } from '../services/prepare';
import { diffContent, hasChanges } from './changes';

export interface Verdict {
  status: ImportStatus;
  changes?: ImportChanges;
}

/**
 * The story a text belongs to: its source key's article when it has a key; without one (or when
 * the key is new) the article with the same body fingerprint; for a new key, lastly, an article
 * without a key once imported from a file of that name. An archive imported without keys is
 * thus adopted, not duplicated, when it is imported again with keys (its corrections included).
 */
export function matchStory(
  article: Pick<PreparedArticle, 'sourceKey' | 'bodyFingerprint'>,
  known: { byKey: Map<string, KnownArticle>; byFingerprint: Map<string, KnownArticle>; byImportedName?: Map<string, KnownArticle> }
): KnownArticle | undefined {
  const byKey = article.sourceKey ? known.byKey.get(article.sourceKey) : undefined;
  if (byKey) return byKey;
  const byBody = known.byFingerprint.get(article.bodyFingerprint);
  // A body stored under another key is another source's story: a key, once given, is the identity.
  if (byBody && !(article.sourceKey && byBody.sourceKey && byBody.sourceKey !== article.sourceKey)) return byBody;
  return article.sourceKey ? known.byImportedName?.get(article.sourceKey) : undefined;
}

/**
 * - the same text as last imported, or nothing a reader would see changed → duplicate;
 * - changed in the CMS since its last import → conflict (nothing overwritten);
 * - `onExisting: skip` → duplicate (nothing written);
 * - otherwise → updated. An unpublished draft imported again with `publish` is an update too.
 */
export function decide(known: KnownArticle, article: PreparedArticle, options: { onExisting: OnExisting; publish: boolean }): Verdict {
  const wantsPublish = options.publish && known.publishedRowId === null;
  if (known.sourceHash === article.sourceHash && !wantsPublish) return { status: 'duplicate' };
  const changes = diffContent(known, { ...article, body: article.split.body });
  if (!hasChanges(changes)) {
    if (!wantsPublish) return { status: 'duplicate' };
    changes.fields.push('publishedAt');
  }
  if (known.changedInCms) return { status: 'conflict', changes };
  if (options.onExisting === 'skip') return { status: 'duplicate', changes };
  return { status: 'updated', changes };
}
