import jobSchema from './job/schema.json';

/** plugin::raw-import.job: bulk-import jobs, shared through the database by every Strapi instance. */
export default {
  job: { schema: jobSchema },
};
