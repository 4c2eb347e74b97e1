import { winston, formats } from '@strapi/logger';

// STRAPI_LOG_LEVEL=error keeps tests and the import CLI quiet; the default shows HTTP requests.
export default {
  level: process.env.STRAPI_LOG_LEVEL || 'http',
  transports: [new winston.transports.Console({ format: formats.prettyPrint() })],
};
