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

/** How far a bulk job has got: a progress bar and the done / imported / duplicate / failed counts. */
export const JobProgress = ({ job }: { job: JobSummary }) => {
  const { formatMessage } = useIntl();
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : job.status === 'done' ? 100 : 0;

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="job-progress" data-job-status={job.status}>
      <Flex justifyContent="space-between" alignItems="center" gap={4}>
        <Typography variant="omega" data-testid="job-progress-text">
          {formatMessage(
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
        aria-label={formatMessage({ id: getTranslation('bulk.progress.label'), defaultMessage: 'Import progress' })}
      >
        <Fill $percent={percent} $failed={job.status === 'failed' || job.status === 'interrupted'} />
      </Track>
      <Flex gap={8} wrap="wrap">
        <Count testId="job-count-imported" label={formatMessage({ id: getTranslation('bulk.count.imported'), defaultMessage: 'Imported' })} value={job.imported} />
        <Count testId="job-count-duplicates" label={formatMessage({ id: getTranslation('bulk.count.duplicates'), defaultMessage: 'Duplicates' })} value={job.duplicates} />
        <Count testId="job-count-failed" label={formatMessage({ id: getTranslation('bulk.count.failed'), defaultMessage: 'Failed' })} value={job.failed} />
      </Flex>
    </Flex>
  );
};
