import { Alert } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportText } from '../../../shared/contracts';
import { getTranslation } from '../utils/getTranslation';
import { ArticleLink } from './ArticleLink';

/** What an import did: a new article, or the article an earlier import of the same text created. */
export const ImportOutcome = ({ outcome, onClose }: { outcome: ImportText.Response; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  const created = outcome.status === 'created';

  return (
    <Alert
      variant={created ? 'success' : 'warning'}
      closeLabel={formatMessage({ id: getTranslation('alert.close'), defaultMessage: 'Close' })}
      onClose={onClose}
      title={
        created
          ? formatMessage({ id: getTranslation('import.created.title'), defaultMessage: 'Article created' })
          : formatMessage({ id: getTranslation('import.duplicate.title'), defaultMessage: 'Already imported' })
      }
      action={
        <ArticleLink documentId={outcome.article.documentId}>
          {formatMessage({ id: getTranslation('import.open'), defaultMessage: 'Open in Content Manager' })}
        </ArticleLink>
      }
      data-testid="import-outcome"
      data-status={outcome.status}
    >
      {created
        ? formatMessage(
            { id: getTranslation('import.created.message'), defaultMessage: '“{title}” was imported.' },
            { title: outcome.article.title }
          )
        : formatMessage(
            {
              id: getTranslation('import.duplicate.message'),
              defaultMessage: 'This text was imported before as “{title}”; nothing new was written.',
            },
            { title: outcome.article.title }
          )}
    </Alert>
  );
};
