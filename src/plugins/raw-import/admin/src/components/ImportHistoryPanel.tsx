import * as React from 'react';
import { Box, Flex, Loader, TextButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import type { ImportActor, ImportLogEntry, ImportStatus } from '../../../shared/contracts';
import { ARTICLE_UID } from '../constants';
import { useDescribeChanges } from '../hooks/useDescribeChanges';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useGetArticleTitleQuery, useGetImportHistoryQuery } from '../services/api';
import { getTranslation } from '../utils/getTranslation';
import { ArticleLink } from './ArticleLink';
import { JobStatusBadge } from './JobStatusBadge';

/** The newest entries are shown; the rest on demand (the server keeps the last 100). */
const SHOWN_AT_FIRST = 5;

const STATUS_LABELS: Record<ImportStatus, string> = {
  created: 'Created',
  updated: 'Updated',
  duplicate: 'Unchanged',
  conflict: 'Conflict',
};

const ACTOR_LABELS: Record<ImportActor['type'], string> = {
  admin: 'Admin',
  'api-token': 'API token',
  cli: 'Command line',
  job: 'Bulk job',
};

const Entries = styled.ol`
  width: 100%;

  & > li + li {
    border-top: 1px solid ${({ theme }) => theme.colors.neutral150};
    padding-top: ${({ theme }) => theme.spaces[3]};
    margin-top: ${({ theme }) => theme.spaces[3]};
  }
`;

const Detail = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Typography variant="pi" textColor="neutral600" tag="p" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
    {children}
  </Typography>
);

/** "Possibly the same story as <title>", linking to that article; its title comes from the Content Manager. */
const PossibleDuplicate = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const { data: title } = useGetArticleTitleQuery(documentId);
  return (
    <Detail testId="import-history-duplicate">
      {formatMessage(
        { id: getTranslation('history.possible-duplicate'), defaultMessage: 'Possibly the same story as {article}' },
        {
          article: (
            <ArticleLink key="article" documentId={documentId}>
              {title ||
                formatMessage({ id: getTranslation('history.possible-duplicate.untitled'), defaultMessage: 'another article' })}
            </ArticleLink>
          ),
        }
      )}
    </Detail>
  );
};

const HistoryEntry = ({ entry }: { entry: ImportLogEntry }) => {
  const { formatMessage, formatDate } = useIntl();
  const describeChanges = useDescribeChanges();
  const actorType = formatMessage({
    id: getTranslation(`history.actor.${entry.actor.type}`),
    defaultMessage: ACTOR_LABELS[entry.actor.type] ?? entry.actor.type,
  });
  const hasChanges = entry.changes && entry.status !== 'created';

  return (
    <li data-testid="import-history-entry" data-status={entry.status}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Flex justifyContent="space-between" alignItems="center" gap={2} wrap="wrap">
          <Typography variant="omega" fontWeight="semiBold" tag="time" dateTime={entry.at}>
            {formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
          </Typography>
          <JobStatusBadge
            status={entry.status}
            label={formatMessage({
              id: getTranslation(`history.status.${entry.status}`),
              defaultMessage: STATUS_LABELS[entry.status] ?? entry.status,
            })}
          />
        </Flex>
        <Detail testId="import-history-actor">
          {entry.actor.name ? `${actorType}: ${entry.actor.name}` : actorType}
        </Detail>
        {entry.sourceKey && (
          <Detail testId="import-history-source-key">
            {formatMessage({ id: getTranslation('history.source-key'), defaultMessage: 'Source key: {key}' }, { key: entry.sourceKey })}
          </Detail>
        )}
        {entry.sourceName && entry.sourceName !== entry.sourceKey && (
          <Detail testId="import-history-source-name">
            {formatMessage({ id: getTranslation('history.source-name'), defaultMessage: 'File: {name}' }, { name: entry.sourceName })}
          </Detail>
        )}
        {hasChanges && (
          <Detail testId="import-history-changes">
            {formatMessage(
              {
                id: getTranslation(entry.status === 'updated' ? 'history.changed' : 'history.would-change'),
                defaultMessage: entry.status === 'updated' ? 'Changed: {changes}' : 'Would have changed: {changes}',
              },
              { changes: describeChanges(entry.changes) }
            )}
          </Detail>
        )}
        {entry.possibleDuplicateOf && <PossibleDuplicate documentId={entry.possibleDuplicateOf} />}
      </Flex>
    </li>
  );
};

/** The imports of one article, most recent first. */
const ImportHistory = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const describeError = useErrorMessage();
  const [showAll, setShowAll] = React.useState(false);
  const { data, error, isLoading } = useGetImportHistoryQuery(documentId, { refetchOnMountOrArgChange: true });

  if (isLoading) {
    return (
      <Loader small>
        {formatMessage({ id: getTranslation('history.loading'), defaultMessage: 'Loading the import history…' })}
      </Loader>
    );
  }
  if (error && !data) {
    return (
      <Typography variant="pi" textColor="danger600" tag="p" data-testid="import-history-error">
        {formatMessage(
          { id: getTranslation('history.error'), defaultMessage: 'The import history could not be loaded: {message}' },
          { message: describeError(error) }
        )}
      </Typography>
    );
  }

  const entries = data?.entries ?? [];
  if (entries.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600" tag="p" data-testid="import-history-empty">
        {formatMessage({
          id: getTranslation('history.empty'),
          defaultMessage: 'No imports recorded (this article was written in the CMS)',
        })}
      </Typography>
    );
  }

  const shown = showAll ? entries : entries.slice(0, SHOWN_AT_FIRST);
  return (
    <Box width="100%" data-testid="import-history" data-count={entries.length}>
      <Entries>
        {shown.map((entry) => (
          <HistoryEntry key={entry.id} entry={entry} />
        ))}
      </Entries>
      {entries.length > shown.length && (
        <Box paddingTop={3}>
          <TextButton onClick={() => setShowAll(true)}>
            {formatMessage(
              { id: getTranslation('history.show-all'), defaultMessage: 'Show all {count} imports' },
              { count: entries.length }
            )}
          </TextButton>
        </Box>
      )}
    </Box>
  );
};

/**
 * "Import history" in the Content Manager's edit view of an article (a side panel, registered with
 * addEditViewSidePanel): every import of the story, who ran it, from which source, what it changed.
 * Nothing for other content types, nor while an article is being created or cloned.
 */
export const ImportHistoryPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  if (model !== ARTICLE_UID || !documentId || !document) return null;

  return {
    title: formatMessage({ id: getTranslation('history.title'), defaultMessage: 'Import history' }),
    content: <ImportHistory documentId={documentId} />,
  };
};
ImportHistoryPanel.displayName = 'RawImportHistoryPanel';
