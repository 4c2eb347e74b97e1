import { adminApi } from '@strapi/strapi/admin';
import type {
  CreateJob,
  GetImportHistory,
  GetJob,
  ImportText,
  JobSummary,
  ListJobs,
  OnExisting,
  Preview,
} from '../../../shared/contracts';
import { ARTICLE_UID } from '../constants';
import { pluginId } from '../pluginId';
import type { PickedFile } from '../utils/textFiles';

const base = `/${pluginId}`;

/** Our own cache tags (prefixed: the admin's RTK Query API is shared by every plugin). */
const HISTORY = 'RawImportHistory';
const JOB = 'RawImportJob';
/** The Content Manager's tag for documents: an import changes articles it may hold in its cache. */
const DOCUMENT = 'Document';

export const isJobActive = (status: JobSummary['status']) => status === 'queued' || status === 'running';

export interface CreateJobArgs {
  files: PickedFile[];
  publish: boolean;
  /** `path`: each file's path in the upload is its story key. */
  sourceKey: 'path' | null;
  onExisting: OnExisting;
}

/** The articles an import wrote or named, as Content Manager and history cache tags. */
const articleTags = (documentIds: (string | undefined)[]) =>
  documentIds
    .filter((documentId): documentId is string => Boolean(documentId))
    .flatMap((documentId) => [
      { type: HISTORY, id: documentId } as const,
      { type: DOCUMENT, id: `${ARTICLE_UID}_${documentId}` } as const,
    ]);

/** After a job, any article may have been written: every history and article of the Content Manager's cache. */
const everyArticleTag = [
  { type: HISTORY, id: 'LIST' },
  { type: DOCUMENT, id: `${ARTICLE_UID}_ALL_ITEMS` },
  { type: DOCUMENT, id: `${ARTICLE_UID}_LIST` },
] as const;

/**
 * The plugin's admin routes on the admin's RTK Query API (as i18n and content-releases do it):
 * the admin JWT is added (and refreshed) by Strapi's base query, errors come back as
 * `{ name, message, status?, details? }` — the server's own error when it sent one.
 */
const rawImportApi = adminApi.enhanceEndpoints({ addTagTypes: [HISTORY, JOB, DOCUMENT] }).injectEndpoints({
  endpoints: (builder) => ({
    rawImportPreviewText: builder.mutation<Preview.Response, Preview.Request['body']>({
      query: (body) => ({ url: `${base}/preview`, method: 'POST', data: body }),
    }),

    rawImportImportText: builder.mutation<ImportText.Response, ImportText.Request['body']>({
      query: (body) => ({ url: `${base}/import`, method: 'POST', data: body }),
      invalidatesTags: (result) =>
        result
          ? [
              ...articleTags([result.article.documentId]),
              ...(result.status === 'created' ? [{ type: DOCUMENT, id: `${ARTICLE_UID}_LIST` } as const] : []),
            ]
          : [],
    }),

    rawImportCreateJob: builder.mutation<CreateJob.Response, CreateJobArgs>({
      query: ({ files, publish, sourceKey, onExisting }) => {
        const form = new FormData();
        for (const { file, path } of files) form.append('files', file, path);
        if (publish) form.append('publish', 'true');
        if (sourceKey) form.append('sourceKey', sourceKey);
        form.append('onExisting', onExisting);
        return { url: `${base}/jobs`, method: 'POST', data: form };
      },
      invalidatesTags: [{ type: JOB, id: 'LIST' }],
    }),

    /** Queues a job that splits every stored article's raw text again. */
    rawImportStartResplit: builder.mutation<CreateJob.Response, void>({
      query: () => ({ url: `${base}/resplit`, method: 'POST', data: {} }),
      invalidatesTags: [{ type: JOB, id: 'LIST' }],
    }),

    rawImportGetJob: builder.query<GetJob.Response, string>({
      query: (jobId) => `${base}/jobs/${encodeURIComponent(jobId)}`,
      providesTags: (_result, _error, jobId) => [{ type: JOB, id: jobId }],
      // When a job is seen finishing, what it wrote is stale elsewhere: the jobs list, histories, articles.
      async onQueryStarted(jobId, { dispatch, getState, queryFulfilled }) {
        const before = rawImportApi.endpoints.rawImportGetJob.select(jobId)(getState() as never).data;
        try {
          const { data: job } = await queryFulfilled;
          if (!isJobActive(job.status) && (!before || isJobActive(before.status))) {
            dispatch(rawImportApi.util.invalidateTags([{ type: JOB, id: 'LIST' }, ...everyArticleTag]));
          }
        } catch {
          // the query's own error is shown by whoever asked
        }
      },
    }),

    rawImportListJobs: builder.query<JobSummary[], void>({
      query: () => `${base}/jobs`,
      transformResponse: (response: ListJobs.Response) => response.jobs ?? [],
      providesTags: [{ type: JOB, id: 'LIST' }],
    }),

    rawImportGetImportHistory: builder.query<GetImportHistory.Response, string>({
      query: (documentId) => `${base}/articles/${encodeURIComponent(documentId)}/imports`,
      providesTags: (_result, _error, documentId) => [
        { type: HISTORY, id: documentId },
        { type: HISTORY, id: 'LIST' },
      ],
    }),

    /** The title of an article the history names (a possible duplicate), through the Content Manager's own route. */
    rawImportGetArticleTitle: builder.query<string | null, string>({
      query: (documentId) => `/content-manager/collection-types/${ARTICLE_UID}/${encodeURIComponent(documentId)}`,
      transformResponse: (response: { data?: { title?: string | null } }) => response.data?.title ?? null,
      providesTags: (_result, _error, documentId) => [{ type: DOCUMENT, id: `${ARTICLE_UID}_${documentId}` }],
    }),
  }),
  overrideExisting: false,
});

// Endpoint names are prefixed: they share the admin's API with every other plugin's.
export const {
  useRawImportPreviewTextMutation: usePreviewTextMutation,
  useRawImportImportTextMutation: useImportTextMutation,
  useRawImportCreateJobMutation: useCreateJobMutation,
  useRawImportStartResplitMutation: useStartResplitMutation,
  useRawImportGetJobQuery: useGetJobQuery,
  useRawImportListJobsQuery: useListJobsQuery,
  useRawImportGetImportHistoryQuery: useGetImportHistoryQuery,
  useRawImportGetArticleTitleQuery: useGetArticleTitleQuery,
} = rawImportApi;

export { rawImportApi };
