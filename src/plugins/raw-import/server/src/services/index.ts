import bulk from './bulk';
import importer from './importer';
import jobs from './jobs';
import linker from './linker';

export default { bulk, importer, jobs, linker };
