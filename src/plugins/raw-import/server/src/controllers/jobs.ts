import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CreateJob, GetJob, ListJobs } from '../../../shared/contracts';
import { PLUGIN_ID } from '../permissions';
import { getService } from '../utils';
import { withJobUpload } from '../validation/jobs';
import { actorOf, jobScopeOf } from './actor';

/** The routes' policies let only admins and API tokens in; anyone else reading jobs is refused all the same. */
function readerScope(state: Parameters<typeof jobScopeOf>[0]) {
  const scope = jobScopeOf(state);
  if (!scope) throw new errors.ForbiddenError('Only the admin user or API token that submitted a bulk job may read it.');
  return scope;
}

/**
 * Bulk jobs, shared by the admin routes (admin JWT + RBAC) and the content-API routes
 * (API token). The actions are not named find/findOne on purpose: Strapi lets read-only tokens
 * reach any content-API action so named, and job reports are for those who may import.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const limits = () => ({
    maxBytes: strapi.config.get(`plugin::${PLUGIN_ID}.maxBytes`) as number,
    maxFiles: strapi.config.get(`plugin::${PLUGIN_ID}.maxFiles`) as number,
  });

  return {
    async submit(ctx) {
      const actor = actorOf(ctx.state);
      const jobId = await withJobUpload(ctx.request, limits(), ({ files, publish, sourceKey, onExisting }) =>
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

    /** Someone else's job is answered like a job that does not exist: its id confirms nothing. */
    async progress(ctx) {
      const job = await getService(strapi, 'jobs').getJob(ctx.params.id, readerScope(ctx.state));
      if (!job) throw new errors.NotFoundError(`No bulk-import job with id "${ctx.params.id}".`);
      ctx.body = job satisfies GetJob.Response;
    },

    /** The caller's own recent jobs (everyone's for the Super Admin and full-access tokens). */
    async recent(ctx) {
      ctx.body = { jobs: await getService(strapi, 'jobs').listRecentJobs(readerScope(ctx.state)) } satisfies ListJobs.Response;
    },
  };
};
