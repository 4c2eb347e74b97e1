import type { Core } from '@strapi/strapi';
import type services from './services';
import { PLUGIN_ID } from './permissions';

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** Typed access to the plugin's services. */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[K];
