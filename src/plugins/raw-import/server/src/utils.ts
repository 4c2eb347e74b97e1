import type { Core } from '@strapi/strapi';
import type { SplitLimits } from '../../core';
import type services from './services';
import { PLUGIN_ID } from './permissions';

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** Typed access to the plugin's services. */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[K];

/** The most paragraphs and figures one text may make (RAW_IMPORT_MAX_PARAGRAPHS, RAW_IMPORT_MAX_FIGURES). */
export const splitLimits = (strapi: Core.Strapi): Required<SplitLimits> => ({
  maxParagraphs: strapi.config.get(`plugin::${PLUGIN_ID}.maxParagraphs`) as number,
  maxFigures: strapi.config.get(`plugin::${PLUGIN_ID}.maxFigures`) as number,
});
