import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CreateJob, GetJob, ListJobs } from '../../../shared/contracts';
import { PLUGIN_ID } from '../permissions';
import { getService } from '../utils';
import { withJobUpload } from '../validation/jobs';
import { actorOf } from './actor';

/**
 * Bulk jobs, shared by the admin routes (admin JWT + RBAC) and the content-API routes
 * (API token). The actions are not named find/findOne on purpose: Strapi lets read-only tokens
 * reach any content-API action so named, and job reports are for those who may import.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const maxBytes = () => strapi.config.get(`plugin::${PLUGIN_ID}.maxBytes`) as number;

  return {
    async submit(ctx) {
      const actor = actorOf(ctx.state);
      const jobId = await withJobUpload(ctx.request, maxBytes(), ({ files, publish, sourceKey, onExisting }) =>
        getService(strapi, 'jobs').createJob(files, { publish, sourceKey, onExisting, actor })
      );
      ctx.status = 202;
      ctx.body = { jobId } satisfies CreateJob.Response;
    },

    /** Queues a job that splits every article's stored raw text again. */
    async resplit(ctx) {
      const jobId = await getService(strapi, 'jobs').createResplitJob(actorOf(ctx.state));
      ctx.status = 202;
      ctx.body = { jobId } satisfies CreateJob.Response;
    },

    async progress(ctx) {
      const job = await getService(strapi, 'jobs').getJob(ctx.params.id);
      if (!job) throw new errors.NotFoundError(`No bulk-import job with id "${ctx.params.id}".`);
      ctx.body = job satisfies GetJob.Response;
    },

    async recent(ctx) {
      ctx.body = { jobs: await getService(strapi, 'jobs').listRecentJobs() } satisfies ListJobs.Response;
    },
  };
};
