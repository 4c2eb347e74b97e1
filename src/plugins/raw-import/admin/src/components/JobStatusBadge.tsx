import { Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { FileStatus, JobStatus } from '../../../shared/contracts';
import { getTranslation } from '../utils/getTranslation';

type AnyStatus = JobStatus | FileStatus;

const VARIANTS: Record<AnyStatus, 'neutral' | 'primary' | 'success' | 'danger' | 'warning' | 'secondary' | 'alternative'> = {
  queued: 'neutral',
  running: 'primary',
  done: 'success',
  failed: 'danger',
  interrupted: 'warning',
  created: 'success',
  updated: 'alternative',
  duplicate: 'secondary',
  conflict: 'warning',
};

const LABELS: Record<AnyStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  interrupted: 'Interrupted',
  created: 'Imported',
  updated: 'Updated',
  duplicate: 'Duplicate',
  conflict: 'Conflict',
};

/**
 * The status of a job, or of one file in it (or of one import in an article's history), in words
 * and colour. `label` replaces the default words (the history says "Created", not "Imported").
 */
export const JobStatusBadge = ({ status, label }: { status: AnyStatus; label?: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Status variant={VARIANTS[status] ?? 'neutral'} size="S" data-status={status}>
      <Typography variant="omega" fontWeight="bold">
        {label ?? formatMessage({ id: getTranslation(`status.${status}`), defaultMessage: LABELS[status] ?? status })}
      </Typography>
    </Status>
  );
};
