import { Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useDescribeChanges } from '../hooks/useDescribeChanges';
import { Download } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useHref } from 'react-router-dom';
import type { GetJob } from '../../../shared/contracts';
import { articleEditPath } from '../constants';
import { getTranslation } from '../utils/getTranslation';
import { downloadTextFile } from '../utils/downloadTextFile';
import { jobResultsToCsv } from '../utils/jobResultsCsv';
import { ArticleLink } from './ArticleLink';
import { JobStatusBadge } from './JobStatusBadge';

/**
 * One row per file of a bulk job (or article of a re-split): the article it became or updated, or
 * why it failed; what changed, and the stored article a new one nearly duplicates. Downloadable as CSV.
 */
export const JobResultsTable = ({ job }: { job: GetJob.Response }) => {
  const { formatMessage } = useIntl();
  const describeChanges = useDescribeChanges();
  const resplit = job.kind === 'resplit';
  const unchanged = formatMessage({ id: getTranslation('resplit.count.unchanged'), defaultMessage: 'Unchanged' });
  // The admin's own base path ("/admin/"), so the CSV's links work outside the admin too.
  const adminBase = useHref('/').replace(/\/$/, '');

  const downloadCsv = () => {
    const articleUrl = (documentId: string) => `${window.location.origin}${adminBase}${articleEditPath(documentId)}`;
    downloadTextFile(jobResultsToCsv(job.results, articleUrl), `raw-import-${job.jobId}.csv`);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="center">
        <Typography variant="delta" tag="h3">
          {formatMessage(
            { id: getTranslation('bulk.results'), defaultMessage: 'Results ({count})' },
            { count: job.results.length }
          )}
        </Typography>
        <Button variant="secondary" startIcon={<Download />} onClick={downloadCsv} disabled={job.results.length === 0}>
          {formatMessage({ id: getTranslation('bulk.results.csv'), defaultMessage: 'Download CSV' })}
        </Button>
      </Flex>
      <Table colCount={4} rowCount={job.results.length + 1} data-testid="job-results">
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">
                {resplit
                  ? formatMessage({ id: getTranslation('resplit.results.article'), defaultMessage: 'Article' })
                  : formatMessage({ id: getTranslation('bulk.results.file'), defaultMessage: 'File' })}
              </Typography>
            </Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.results.status'), defaultMessage: 'Status' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.results.outcome'), defaultMessage: 'Article or error' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.results.details'), defaultMessage: 'Details' })}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {job.results.map((result, index) => (
            <Tr key={`${result.file}-${index}`}>
              <Td><Typography>{result.file}</Typography></Td>
              <Td>
                <JobStatusBadge
                  status={result.status}
                  // A re-split reports an article whose split did not change as a duplicate.
                  label={resplit && result.status === 'duplicate' ? unchanged : undefined}
                />
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  {result.documentId && (
                    <ArticleLink documentId={result.documentId}>
                      {formatMessage({ id: getTranslation('import.open'), defaultMessage: 'Open in Content Manager' })}
                    </ArticleLink>
                  )}
                  {result.error && (
                    <Typography textColor="danger600" style={{ whiteSpace: 'normal' }}>
                      {result.error}
                    </Typography>
                  )}
                </Flex>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  {result.changes && (
                    <Typography textColor="neutral600" style={{ whiteSpace: 'normal' }} data-testid="job-result-changes">
                      {formatMessage(
                        {
                          id: getTranslation(result.status === 'updated' ? 'bulk.results.changed' : 'bulk.results.would-change'),
                          defaultMessage: result.status === 'updated' ? 'Changed: {changes}' : 'Would have changed: {changes}',
                        },
                        { changes: describeChanges(result.changes) }
                      )}
                    </Typography>
                  )}
                  {result.possibleDuplicateOf && (
                    <Typography textColor="warning600" style={{ whiteSpace: 'normal' }} data-testid="job-result-duplicate">
                      {formatMessage(
                        { id: getTranslation('bulk.results.possible-duplicate'), defaultMessage: 'Possibly the same story as {article}' },
                        {
                          article: (
                            <ArticleLink key="duplicate" documentId={result.possibleDuplicateOf}>
                              {formatMessage({ id: getTranslation('bulk.results.possible-duplicate.link'), defaultMessage: 'this article' })}
                            </ArticleLink>
                          ),
                        }
                      )}
                    </Typography>
                  )}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};
