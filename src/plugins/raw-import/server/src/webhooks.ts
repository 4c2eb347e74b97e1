/**
 * The `raw-import.batch` webhook event. The bulk path writes without the Document Service, so
 * sites would never hear of its articles: it announces each committed batch once instead (never
 * one event per article). Single-text creations keep the Document Service's own entry events.
 */
import type { Core } from '@strapi/strapi';
import type { BatchEvent } from '../../shared/contracts';

export const BATCH_EVENT = 'raw-import.batch';

/** Lets webhooks subscribe to the event (Settings → Webhooks, or the admin webhooks API). */
export function registerBatchEvent(strapi: Core.Strapi) {
  strapi.get('webhookStore').addAllowedEvent('RAW_IMPORT_BATCH', BATCH_EVENT);
}

/** Call after the batch's transaction committed; a batch that wrote nothing is not announced. */
export function emitBatchEvent(strapi: Core.Strapi, event: BatchEvent) {
  if (event.created.length + event.updated.length + event.published.length === 0) return;
  strapi.eventHub.emit(BATCH_EVENT, event);
}
