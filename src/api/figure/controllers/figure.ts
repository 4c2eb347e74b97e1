import { factories } from '@strapi/strapi';

// Only teasers/figures of a published article reach the public: the Document Service middleware
// registered in src/index.ts applies the rule (src/utils/published-only.ts) to every read channel.
export default factories.createCoreController('api::figure.figure');
