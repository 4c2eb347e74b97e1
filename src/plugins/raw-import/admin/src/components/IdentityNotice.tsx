import type * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { IdentityVerdict, OnExisting } from '../../../shared/contracts';
import { useDescribeChanges } from '../hooks/useDescribeChanges';
import { getTranslation } from '../utils/getTranslation';
import { ArticleLink } from './ArticleLink';
import { JobStatusBadge } from './JobStatusBadge';

interface IdentityNoticeProps {
  identity: IdentityVerdict;
  /** What the form will ask for a known story: the preview is always answered as if `update`. */
  onExisting: OnExisting;
  /** Why the match may no longer hold: the story key was edited, or an import ran, since this preview. */
  stale?: 'key' | 'imported' | null;
}

const BADGE_LABELS = {
  created: 'New story',
  updated: 'Known story',
  duplicate: 'Already imported',
  conflict: 'Conflict',
} as const;

/**
 * What an import would do with the previewed text now: a new story; a known one it updates (with
 * what would change) or skips; one imported already, unchanged; one changed in the CMS since its
 * import (not overwritten). For a new story, the stored article it nearly duplicates.
 */
export const IdentityNotice = ({ identity, onExisting, stale = null }: IdentityNoticeProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const describeChanges = useDescribeChanges();
  const { status, article, changes, possibleDuplicateOf } = identity;
  const link = (documentId: string, title: string) => (
    <ArticleLink key={documentId} documentId={documentId}>
      {title}
    </ArticleLink>
  );
  const known = article ? link(article.documentId, article.title) : '';
  const skipped = status === 'updated' && onExisting === 'skip';

  let message: React.ReactNode;
  if (status === 'updated' && !skipped) {
    message = formatMessage(
      {
        id: getTranslation('identity.updated'),
        defaultMessage: 'Known story: {article} — importing will update it ({changes} changed)',
      },
      { article: known, changes: describeChanges(changes) }
    );
  } else if (skipped) {
    message = formatMessage(
      {
        id: getTranslation('identity.skipped'),
        defaultMessage: 'Known story: {article} — it has changed ({changes}), but importing will skip it',
      },
      { article: known, changes: describeChanges(changes) }
    );
  } else if (status === 'duplicate') {
    message = formatMessage(
      { id: getTranslation('identity.duplicate'), defaultMessage: 'Already imported, nothing changed: {article}' },
      { article: known }
    );
  } else if (status === 'conflict') {
    message = formatMessage(
      {
        id: getTranslation('identity.conflict'),
        defaultMessage: 'Changed in the CMS since its import: importing will not overwrite {article}',
      },
      { article: known }
    );
  } else {
    message = formatMessage({ id: getTranslation('identity.created'), defaultMessage: 'New story: importing will create an article' });
  }

  return (
    <Box
      tag="section"
      background="neutral0"
      hasRadius
      shadow="filterShadow"
      padding={6}
      data-testid="preview-identity"
      data-status={skipped ? 'duplicate' : status}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={3} alignItems="center" wrap="wrap">
          <JobStatusBadge
            status={skipped ? 'duplicate' : status}
            label={formatMessage({
              id: getTranslation(`identity.badge.${status}`),
              defaultMessage: BADGE_LABELS[status] ?? status,
            })}
          />
          <Typography tag="p" data-testid="preview-identity-message">
            {message}
          </Typography>
        </Flex>
        {possibleDuplicateOf && (
          <Typography tag="p" textColor="warning600" data-testid="preview-possible-duplicate">
            {formatMessage(
              {
                id: getTranslation('identity.possible-duplicate'),
                defaultMessage: 'Possibly the same story as {article} (similarity {similarity})',
              },
              {
                article: link(possibleDuplicateOf.documentId, possibleDuplicateOf.title),
                similarity: formatNumber(possibleDuplicateOf.similarity, { style: 'percent', maximumFractionDigits: 0 }),
              }
            )}
          </Typography>
        )}
        {stale && (
          <Typography variant="pi" textColor="warning600" data-testid="preview-identity-stale">
            {stale === 'key'
              ? formatMessage({
                  id: getTranslation('identity.stale.key'),
                  defaultMessage: 'The story key has changed since this preview. Preview again to see how the story is matched.',
                })
              : formatMessage({
                  id: getTranslation('identity.stale.imported'),
                  defaultMessage: 'This was before your last import. Preview again to see what an import would do now.',
                })}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
