import jobs from './jobs';
import text from './text';

export default { jobs, text };
