import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { LineOverrides } from '../../../core/types';
import type { CreateJob, GetJob, ImportText, JobSummary, ListJobs, Preview } from '../../../shared/contracts';
import { pluginId } from '../pluginId';
import type { PickedFile } from '../utils/textFiles';

const base = `/${pluginId}`;

/**
 * The plugin's admin routes, typed with the shared contracts. useFetchClient adds the admin JWT
 * (and refreshes it), and throws a FetchError carrying the server's error.message on a 4xx/5xx.
 */
export function useRawImportApi() {
  const { get, post } = useFetchClient();

  return React.useMemo(
    () => ({
      async preview(text: string, overrides?: LineOverrides): Promise<Preview.Response> {
        const body: Preview.Request['body'] = { text, ...(overrides && { overrides }) };
        const { data } = await post<Preview.Response>(`${base}/preview`, body);
        return data;
      },

      async importText(body: ImportText.Request['body']): Promise<ImportText.Response> {
        const { data } = await post<ImportText.Response>(`${base}/import`, body);
        return data;
      },

      async createJob(files: PickedFile[], publish: boolean): Promise<CreateJob.Response> {
        const form = new FormData();
        for (const { file, path } of files) form.append('files', file, path);
        if (publish) form.append('publish', 'true');
        const { data } = await post<CreateJob.Response>(`${base}/jobs`, form);
        return data;
      },

      async getJob(jobId: string): Promise<GetJob.Response> {
        const { data } = await get<GetJob.Response>(`${base}/jobs/${encodeURIComponent(jobId)}`);
        return data;
      },

      async listJobs(): Promise<JobSummary[]> {
        const { data } = await get<ListJobs.Response>(`${base}/jobs`);
        return data.jobs ?? [];
      },
    }),
    [get, post]
  );
}
