import { Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
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

/** One row per file of a bulk job: the article it became, or why it failed; downloadable as CSV. */
export const JobResultsTable = ({ job }: { job: GetJob.Response }) => {
  const { formatMessage } = useIntl();
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
      <Table colCount={3} rowCount={job.results.length + 1} data-testid="job-results">
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.results.file'), defaultMessage: 'File' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.results.status'), defaultMessage: 'Status' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.results.outcome'), defaultMessage: 'Article or error' })}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {job.results.map((result, index) => (
            <Tr key={`${result.file}-${index}`}>
              <Td><Typography>{result.file}</Typography></Td>
              <Td><JobStatusBadge status={result.status} /></Td>
              <Td>
                {result.documentId ? (
                  <ArticleLink documentId={result.documentId}>
                    {formatMessage({ id: getTranslation('import.open'), defaultMessage: 'Open in Content Manager' })}
                  </ArticleLink>
                ) : (
                  <Typography textColor="danger600" style={{ whiteSpace: 'normal' }}>
                    {result.error ?? ''}
                  </Typography>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};
