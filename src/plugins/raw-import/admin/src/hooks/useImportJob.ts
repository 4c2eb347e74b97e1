import * as React from 'react';
import { JOB_POLL_INTERVAL_MS, LAST_JOB_STORAGE_KEY } from '../constants';
import { isJobActive, useCreateJobMutation, useGetJobQuery, useStartResplitMutation, type CreateJobArgs } from '../services/api';
import { errorStatus, useErrorMessage } from './useErrorMessage';

export { isJobActive };

const rememberedJobId = () => {
  try {
    return window.localStorage.getItem(LAST_JOB_STORAGE_KEY);
  } catch {
    return null; // storage disabled: the recent-jobs list still leads back to the job
  }
};

const rememberJobId = (jobId: string | null) => {
  try {
    if (jobId) window.localStorage.setItem(LAST_JOB_STORAGE_KEY, jobId);
    else window.localStorage.removeItem(LAST_JOB_STORAGE_KEY);
  } catch {
    // see rememberedJobId
  }
};

/**
 * The job the page shows (a bulk import or a re-split): started here, or remembered from an
 * earlier visit. Polled (RTK Query's pollingInterval) until it is no longer queued or running; a
 * job the server no longer knows is forgotten. A refused request (4xx) stops the polling (it
 * would be refused again); a dropped connection or a 5xx is retried, less often.
 */
export function useImportJob() {
  const describeError = useErrorMessage();
  const [jobId, setJobId] = React.useState<string | null>(rememberedJobId);
  const [createJob] = useCreateJobMutation();
  const [startResplit] = useStartResplitMutation();

  // The interval depends on the answer, which depends on the interval: keep the last answer's verdict.
  const [pollingInterval, setPollingInterval] = React.useState(JOB_POLL_INTERVAL_MS);
  const { currentData, error: queryError } = useGetJobQuery(jobId ?? '', {
    skip: !jobId,
    pollingInterval,
    refetchOnMountOrArgChange: true,
  });
  const job = currentData ?? null;
  const status = errorStatus(queryError);

  React.useEffect(() => {
    if (!jobId) return;
    if (queryError) {
      if (status === 404) {
        rememberJobId(null);
        setJobId(null);
        return;
      }
      const refused = status !== undefined && status >= 400 && status < 500;
      setPollingInterval(refused ? 0 : JOB_POLL_INTERVAL_MS * 5);
    } else {
      setPollingInterval(job && !isJobActive(job.status) ? 0 : JOB_POLL_INTERVAL_MS);
    }
  }, [jobId, job, queryError, status]);

  const follow = React.useCallback((id: string | null) => {
    rememberJobId(id);
    setPollingInterval(JOB_POLL_INTERVAL_MS);
    setJobId(id);
  }, []);

  const start = React.useCallback(
    async (args: CreateJobArgs) => {
      const { jobId: created } = await createJob(args).unwrap();
      follow(created);
    },
    [createJob, follow]
  );

  /** Starts a job that splits every stored article again, and follows it like an import job. */
  const resplit = React.useCallback(async () => {
    const { jobId: created } = await startResplit().unwrap();
    follow(created);
  }, [startResplit, follow]);

  const show = React.useCallback((id: string) => follow(id), [follow]);
  const dismiss = React.useCallback(() => follow(null), [follow]);

  const error = queryError && status !== 404 ? describeError(queryError) : null;
  return { jobId, job: jobId ? job : null, error, start, resplit, show, dismiss };
}
