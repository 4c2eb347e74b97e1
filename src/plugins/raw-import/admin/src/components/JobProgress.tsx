import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import type { JobSummary } from '../../../shared/contracts';
import { getTranslation } from '../utils/getTranslation';
import { JobStatusBadge } from './JobStatusBadge';

// The design system's ProgressBar is drawn for dark backgrounds (upload dialogs); this one sits on a light panel.
const Track = styled(Box)`
  height: 0.8rem;
  overflow: hidden;
  background: ${({ theme }) => theme.colors.neutral150};
  border-radius: ${({ theme }) => theme.borderRadius};
`;

const Fill = styled.div<{ $percent: number; $failed: boolean }>`
  height: 100%;
  width: ${({ $percent }) => $percent}%;
  background: ${({ theme, $failed }) => ($failed ? theme.colors.danger600 : theme.colors.primary600)};
  transition: width 0.3s ease-out;
`;

const Count = ({ label, value, testId }: { label: string; value: number; testId: string }) => (
  <Flex direction="column" alignItems="flex-start" data-testid={testId} data-count={value}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="beta" tag="span">
      {value}
    </Typography>
  </Flex>
);

/**
 * How far a job has got: a progress bar and its counts. An import job counts files imported,
 * updated, duplicate, in conflict and failed; a re-split job counts articles changed, unchanged,
 * in conflict and failed.
 */
export const JobProgress = ({ job }: { job: JobSummary }) => {
  const { formatMessage } = useIntl();
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : job.status === 'done' ? 100 : 0;
  const resplit = job.kind === 'resplit';
  const label = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="job-progress" data-job-status={job.status} data-job-kind={job.kind}>
      <Flex justifyContent="space-between" alignItems="center" gap={4}>
        <Typography variant="omega" data-testid="job-progress-text">
          {resplit
            ? formatMessage(
                { id: getTranslation('resplit.progress'), defaultMessage: '{done} of {total} articles processed ({percent}%)' },
                { done: job.done, total: job.total, percent }
              )
            : formatMessage(
                { id: getTranslation('bulk.progress'), defaultMessage: '{done} of {total} files processed ({percent}%)' },
                { done: job.done, total: job.total, percent }
              )}
        </Typography>
        <JobStatusBadge status={job.status} />
      </Flex>
      <Track
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={resplit ? label('resplit.progress.label', 'Re-split progress') : label('bulk.progress.label', 'Import progress')}
      >
        <Fill $percent={percent} $failed={job.status === 'failed' || job.status === 'interrupted'} />
      </Track>
      <Flex gap={8} wrap="wrap">
        {!resplit && <Count testId="job-count-imported" label={label('bulk.count.imported', 'Imported')} value={job.imported} />}
        <Count
          testId="job-count-updated"
          label={resplit ? label('resplit.count.changed', 'Changed') : label('bulk.count.updated', 'Updated')}
          value={job.updated ?? 0}
        />
        <Count
          testId="job-count-duplicates"
          label={resplit ? label('resplit.count.unchanged', 'Unchanged') : label('bulk.count.duplicates', 'Duplicates')}
          value={job.duplicates}
        />
        <Count testId="job-count-conflicts" label={label('bulk.count.conflicts', 'Conflicts')} value={job.conflicts ?? 0} />
        <Count testId="job-count-failed" label={label('bulk.count.failed', 'Failed')} value={job.failed} />
      </Flex>
    </Flex>
  );
};
