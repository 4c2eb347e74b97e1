import { Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { JobFileResult, JobStatus } from '../../../shared/contracts';
import { getTranslation } from '../utils/getTranslation';

type AnyStatus = JobStatus | JobFileResult['status'];

const VARIANTS = {
  queued: 'neutral',
  running: 'primary',
  done: 'success',
  failed: 'danger',
  interrupted: 'warning',
  created: 'success',
  duplicate: 'secondary',
} as const;

const LABELS: Record<AnyStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  interrupted: 'Interrupted',
  created: 'Imported',
  duplicate: 'Duplicate',
};

/** The status of a job, or of one file in it, in words and colour. */
export const JobStatusBadge = ({ status }: { status: AnyStatus }) => {
  const { formatMessage } = useIntl();
  return (
    <Status variant={VARIANTS[status] ?? 'neutral'} size="S" data-status={status}>
      <Typography variant="omega" fontWeight="bold">
        {formatMessage({ id: getTranslation(`status.${status}`), defaultMessage: LABELS[status] ?? status })}
      </Typography>
    </Status>
  );
};
