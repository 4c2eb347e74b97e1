import rateLimit from './rate-limit';
import requestLimits from './request-limits';

export default { 'rate-limit': rateLimit, 'request-limits': requestLimits };
