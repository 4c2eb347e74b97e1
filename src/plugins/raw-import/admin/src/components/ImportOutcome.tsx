import * as React from 'react';
import { Alert, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportText } from '../../../shared/contracts';
import { useDescribeChanges } from '../hooks/useDescribeChanges';
import { useGetArticleTitleQuery } from '../services/api';
import { getTranslation } from '../utils/getTranslation';
import { ArticleLink } from './ArticleLink';

const VARIANTS = { created: 'success', updated: 'success', duplicate: 'default', conflict: 'warning' } as const;

/** "Possibly the same story as <title>": the import answers with the other article's documentId only. */
const PossibleDuplicate = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const { data: title } = useGetArticleTitleQuery(documentId);
  return (
    <Typography tag="span" data-testid="import-outcome-duplicate">
      {formatMessage(
        {
          id: getTranslation('import.possible-duplicate'),
          defaultMessage: 'Possibly the same story as {article}: check whether one of them should go.',
        },
        {
          article: (
            <ArticleLink key="duplicate" documentId={documentId}>
              {title || formatMessage({ id: getTranslation('history.possible-duplicate.untitled'), defaultMessage: 'another article' })}
            </ArticleLink>
          ),
        }
      )}
    </Typography>
  );
};

/**
 * What an import did: a new article (perhaps nearly the same story as one stored already); the
 * known story's article updated (with what changed); nothing, as nothing changed or the story was
 * skipped; or nothing, as the article was changed in the CMS since its import (a conflict).
 */
export const ImportOutcome = ({ outcome, onClose }: { outcome: ImportText.Response; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const describeChanges = useDescribeChanges();
  const { status, article, changes, possibleDuplicateOf } = outcome;
  const title = { title: article.title };
  const link = (
    <ArticleLink key="article" documentId={article.documentId}>
      {article.title}
    </ArticleLink>
  );

  let heading: string;
  let message: React.ReactNode;
  switch (status) {
    case 'updated':
      heading = formatMessage({ id: getTranslation('import.updated.title'), defaultMessage: 'Article updated' });
      message = formatMessage(
        { id: getTranslation('import.updated.message'), defaultMessage: '“{title}” was updated: {changes} changed.' },
        { ...title, changes: describeChanges(changes) }
      );
      break;
    case 'conflict':
      heading = formatMessage({ id: getTranslation('import.conflict.title'), defaultMessage: 'Not imported: changed in the CMS' });
      message = formatMessage(
        {
          id: getTranslation('import.conflict.message'),
          defaultMessage:
            '{article} was edited in the Content Manager since its last import, so it was not overwritten. The new text would have changed {changes}.',
        },
        { article: link, changes: describeChanges(changes) }
      );
      break;
    case 'duplicate':
      heading = formatMessage({ id: getTranslation('import.duplicate.title'), defaultMessage: 'Already imported' });
      message =
        changes && (changes.paragraphs || changes.teasers || changes.figures || changes.fields.length)
          ? formatMessage(
              {
                id: getTranslation('import.skipped.message'),
                defaultMessage: 'This story was imported before as “{title}”; it was skipped, as asked ({changes} would have changed).',
              },
              { ...title, changes: describeChanges(changes) }
            )
          : formatMessage(
              {
                id: getTranslation('import.duplicate.message'),
                defaultMessage: 'This text was imported before as “{title}”; nothing new was written.',
              },
              title
            );
      break;
    default:
      heading = formatMessage({ id: getTranslation('import.created.title'), defaultMessage: 'Article created' });
      message = formatMessage({ id: getTranslation('import.created.message'), defaultMessage: '“{title}” was imported.' }, title);
  }

  return (
    <Alert
      variant={possibleDuplicateOf && status === 'created' ? 'warning' : (VARIANTS[status] ?? 'default')}
      closeLabel={formatMessage({ id: getTranslation('alert.close'), defaultMessage: 'Close' })}
      onClose={onClose}
      title={heading}
      action={
        <ArticleLink documentId={article.documentId}>
          {formatMessage({ id: getTranslation('import.open'), defaultMessage: 'Open in Content Manager' })}
        </ArticleLink>
      }
      data-testid="import-outcome"
      data-status={status}
    >
      <Flex direction="column" alignItems="flex-start" gap={1} tag="span">
        <Typography tag="span">{message}</Typography>
        {possibleDuplicateOf && status === 'created' && <PossibleDuplicate documentId={possibleDuplicateOf} />}
      </Flex>
    </Alert>
  );
};
