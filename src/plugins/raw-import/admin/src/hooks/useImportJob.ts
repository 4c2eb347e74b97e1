import * as React from 'react';
import { isFetchError } from '@strapi/strapi/admin';
import type { GetJob, JobStatus } from '../../../shared/contracts';
import { JOB_POLL_INTERVAL_MS, LAST_JOB_STORAGE_KEY } from '../constants';
import type { PickedFile } from '../utils/textFiles';
import { useErrorMessage } from './useErrorMessage';
import { useRawImportApi } from './useRawImportApi';

export const isJobActive = (status: JobStatus) => status === 'queued' || status === 'running';

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

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The bulk job the page shows: started here, or remembered from an earlier visit. Polls the job
 * until it is no longer queued or running; a job the server no longer knows is forgotten.
 */
export function useImportJob() {
  const api = useRawImportApi();
  const describeError = useErrorMessage();
  const [jobId, setJobId] = React.useState<string | null>(rememberedJobId);
  const [job, setJob] = React.useState<GetJob.Response | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    if (!jobId) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = async () => {
      try {
        const next = await api.getJob(jobId);
        if (stopped) return;
        setJob(next);
        setError(null);
        if (isJobActive(next.status)) timer = setTimeout(poll, JOB_POLL_INTERVAL_MS);
      } catch (err) {
        if (stopped || isAbort(err)) return;
        if (isFetchError(err) && err.status === 404) {
          rememberJobId(null);
          setJobId(null);
          setJob(null);
          return;
        }
        setError(describeError(err));
        // A refused request (4xx) will be refused again; a dropped connection or a 5xx may pass later.
        const refused = isFetchError(err) && (err.status ?? 0) >= 400 && (err.status ?? 0) < 500;
        if (!refused) timer = setTimeout(poll, JOB_POLL_INTERVAL_MS * 5);
      }
    };

    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, describeError, jobId]);

  const start = React.useCallback(
    async (files: PickedFile[], publish: boolean) => {
      const { jobId: created } = await api.createJob(files, publish);
      rememberJobId(created);
      setJob(null);
      setError(null);
      setJobId(created);
    },
    [api]
  );

  const show = React.useCallback((id: string) => {
    rememberJobId(id);
    setJob(null);
    setError(null);
    setJobId(id);
  }, []);

  const dismiss = React.useCallback(() => {
    rememberJobId(null);
    setJobId(null);
    setJob(null);
    setError(null);
  }, []);

  return { jobId, job, error, start, show, dismiss };
}
