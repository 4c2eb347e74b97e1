import bulk from './bulk';
import identity from './identity';
import importer from './importer';
import jobs from './job-worker';
import resplit from './resplit';

export default { bulk, identity, importer, jobs, resplit };
