import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';
import { getService } from './utils';

export default {
  register,
  bootstrap,
  config,
  contentTypes,
  controllers,
  middlewares,
  policies,
  routes,
  services,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'jobs').stopWorker();
  },
};
