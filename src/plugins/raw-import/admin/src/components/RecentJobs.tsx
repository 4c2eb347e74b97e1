import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useListJobsQuery } from '../services/api';
import { getTranslation } from '../utils/getTranslation';
import { JobStatusBadge } from './JobStatusBadge';

interface RecentJobsProps {
  currentJobId: string | null;
  onShow: (jobId: string) => void;
}

/**
 * The latest jobs on the server (most recent first), from any browser: pick one to see its results.
 * The list is fetched again when a job is started here or seen finishing (RTK Query cache tags).
 */
export const RecentJobs = ({ currentJobId, onShow }: RecentJobsProps) => {
  const { formatMessage, formatDate } = useIntl();
  const describeError = useErrorMessage();
  const { data: jobs, error: listError } = useListJobsQuery(undefined, { refetchOnMountOrArgChange: true });
  const error = listError && !jobs ? describeError(listError) : null;

  if (error) {
    return (
      <Typography variant="pi" textColor="danger600" tag="p">
        {formatMessage(
          { id: getTranslation('bulk.recent.error'), defaultMessage: 'Recent jobs could not be loaded: {message}' },
          { message: error }
        )}
      </Typography>
    );
  }
  if (!jobs || jobs.length === 0) return null;

  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {formatMessage({ id: getTranslation('bulk.recent'), defaultMessage: 'Recent jobs' })}
      </Typography>
      <Table colCount={10} rowCount={jobs.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.recent.started'), defaultMessage: 'Started' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.recent.kind'), defaultMessage: 'Kind' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.results.status'), defaultMessage: 'Status' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.recent.files'), defaultMessage: 'Files' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.count.imported'), defaultMessage: 'Imported' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.count.updated'), defaultMessage: 'Updated' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.count.duplicates'), defaultMessage: 'Duplicates' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.count.conflicts'), defaultMessage: 'Conflicts' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.count.failed'), defaultMessage: 'Failed' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('bulk.recent.actions'), defaultMessage: 'Actions' })}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {jobs.map((job) => (
            <Tr key={job.jobId}>
              <Td><Typography>{formatDate(job.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography></Td>
              <Td>
                <Typography>
                  {job.kind === 'resplit'
                    ? formatMessage({ id: getTranslation('bulk.recent.kind.resplit'), defaultMessage: 'Re-split' })
                    : formatMessage({ id: getTranslation('bulk.recent.kind.import'), defaultMessage: 'Import' })}
                </Typography>
              </Td>
              <Td><JobStatusBadge status={job.status} /></Td>
              <Td><Typography>{job.total}</Typography></Td>
              <Td><Typography>{job.imported}</Typography></Td>
              <Td><Typography>{job.updated ?? 0}</Typography></Td>
              <Td><Typography>{job.duplicates}</Typography></Td>
              <Td><Typography>{job.conflicts ?? 0}</Typography></Td>
              <Td><Typography>{job.failed}</Typography></Td>
              <Td>
                <Button variant="tertiary" size="S" disabled={job.jobId === currentJobId} onClick={() => onShow(job.jobId)}>
                  {job.jobId === currentJobId
                    ? formatMessage({ id: getTranslation('bulk.recent.shown'), defaultMessage: 'Shown above' })
                    : formatMessage({ id: getTranslation('bulk.recent.show'), defaultMessage: 'Show' })}
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
    </Box>
  );
};
