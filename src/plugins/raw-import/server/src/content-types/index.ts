import importLogSchema from './import-log/schema.json';
import jobSchema from './job/schema.json';
import jobFileSchema from './job-file/schema.json';

/**
 * plugin::raw-import.job: bulk-import jobs, shared through the database by every Strapi instance.
 * plugin::raw-import.job-file: their files, one row each, so no single cell holds a whole upload.
 * plugin::raw-import.import-log: one row per import, the only history of writes that bypass the Content Manager.
 */
export default {
  job: { schema: jobSchema },
  'job-file': { schema: jobFileSchema },
  'import-log': { schema: importLogSchema },
};
