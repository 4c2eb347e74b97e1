/**
 * Articles as the importers store them: identity lookups (source key, body fingerprint), new
 * articles with their teasers and figures, and updates of known ones, all as a few statements per
 * batch inside the caller's transaction. Both write paths use it: the bulk path for everything,
 * the single-text path (which creates through the Document Service) for updates.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ImportChanges } from '../../../shared/contracts';
import type { Figure, LineOverrides, Teaser } from '../../../core/types';
import type { StoredContent } from '../identity/changes';
import { onlyTeasersChanged } from '../identity/changes';
import type { PreparedArticle } from '../services/prepare';
import { createChildren } from './children';
import { IMPORT_LOG } from './import-log';
import { insertLinkRows, insertRecords, updateRecord } from './rows';
import { createSimilarity } from './similarity';
import { ARTICLE, FIGURE, TEASER, appendTo, chunk, joinTableOf, tableOf } from './tables';
import { createTeaserLinks } from './teaser-links';
import { createYielder } from '../event-loop';

/** A stored story an incoming text was matched with: its draft as readers of the CMS would see it. */
export interface KnownArticle extends StoredContent {
  documentId: string;
  slug: string;
  draftRowId: number;
  publishedRowId: number | null;
  sourceKey: string | null;
  sourceName: string | null;
  splitOverrides: LineOverrides | null;
  bodyFingerprint: string | null;
  sourceHash: string | null;
  leadKey: string | null;
  titleKey: string | null;
  similarity: string | null;
  createdAt: unknown;
  /** Edited in the CMS after its last import (the draft's updatedAt is past its importedAt). */
  changedInCms: boolean;
}

export interface NewArticle {
  documentId: string;
  slug: string;
  article: PreparedArticle;
}

export interface ArticleUpdate {
  known: KnownArticle;
  article: PreparedArticle;
  changes: ImportChanges;
  publish: boolean;
}

const ARTICLE_COLUMNS = [
  'id', 'document_id', 'title', 'slug', 'byline', 'excerpt', 'body', 'source_key', 'body_fingerprint', 'source_hash',
  'lead_key', 'title_key', 'similarity', 'source_name', 'split_overrides', 'created_at', 'updated_at', 'imported_at',
];

const time = (value: unknown) => (value === null || value === undefined ? NaN : new Date(value as string | number).getTime());

const asJson = <T>(value: unknown, fallback: T): T => {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
};

/** Body paragraphs back from the blocks the importers store (one paragraph block each). */
const paragraphsOf = (body: unknown): string[] =>
  asJson<Array<{ children?: Array<{ text?: string }> }>>(body, []).map((block) => (block.children ?? []).map((child) => child.text ?? '').join(''));

/** The Article fields an import writes, in attribute names, JSON as text (see insertRecords). */
export const articleFields = (article: PreparedArticle) => ({
  title: article.title,
  byline: article.byline,
  body: JSON.stringify(article.body),
  excerpt: article.excerpt,
  wordCount: article.wordCount,
  readingTimeMinutes: article.readingTimeMinutes,
  sourceName: article.sourceName,
  sourceKey: article.sourceKey,
  sourceHash: article.sourceHash,
  rawText: article.rawText,
  boilerplate: JSON.stringify(article.boilerplate),
  splitOverrides: article.splitOverrides ? JSON.stringify(article.splitOverrides) : null,
  leadKey: article.leadKey,
  titleKey: article.titleKey,
  bodyFingerprint: article.bodyFingerprint,
  similarity: article.similarity,
});

export const createArticles = (strapi: Core.Strapi) => {
  const children = createChildren(strapi);
  const links = createTeaserLinks(strapi);
  const similarity = createSimilarity(strapi);
  const articles = () => tableOf(strapi, ARTICLE);

  async function draftRowsWhere(trx: Knex, column: string, values: string[]) {
    const rows: Array<Record<string, any>> = [];
    for (const part of chunk([...new Set(values)], 500)) {
      rows.push(...(await trx(articles()).select(ARTICLE_COLUMNS).whereIn(column, part).whereNull('published_at')));
    }
    return rows;
  }

  async function childrenOf<T>(trx: Knex, uid: typeof TEASER | typeof FIGURE, rowIds: number[], columns: string[]) {
    const link = joinTableOf(strapi, uid, 'article');
    const table = tableOf(strapi, uid);
    const found = new Map<number, T[]>();
    for (const part of chunk(rowIds, 500)) {
      const rows = await trx(table)
        .join(link.name, `${link.name}.${link.joinColumn.name}`, `${table}.id`)
        .select([...columns.map((column) => `${table}.${column}`), `${link.name}.${link.inverseJoinColumn.name} as row_id`])
        .whereIn(`${link.name}.${link.inverseJoinColumn.name}`, part)
        .orderBy(`${table}.position`);
      for (const row of rows) appendTo(found, row.row_id, row as T);
    }
    return found;
  }

  /** Drafts as KnownArticles, with their published row, teasers and figures (a few queries for all). */
  async function hydrate(trx: Knex, drafts: Array<Record<string, any>>): Promise<KnownArticle[]> {
    const documentIds = drafts.map((row) => row.document_id as string);
    const published = new Map<string, number>();
    for (const part of chunk(documentIds, 500)) {
      for (const row of await trx(articles()).select('id', 'document_id').whereIn('document_id', part).whereNotNull('published_at')) {
        published.set(row.document_id, row.id);
      }
    }
    const rowIds = drafts.map((row) => row.id as number);
    const teasers = await childrenOf<Teaser>(trx, TEASER, rowIds, ['text', 'truncated']);
    const figures = await childrenOf<Figure>(trx, FIGURE, rowIds, ['value', 'display', 'qualifier', 'unit', 'label', 'sentence', 'paragraph']);
    return drafts.map((row) => ({
      documentId: row.document_id,
      title: row.title,
      slug: row.slug,
      byline: row.byline ?? null,
      excerpt: row.excerpt ?? null,
      body: paragraphsOf(row.body),
      teasers: (teasers.get(row.id) ?? []).map(({ text, truncated }) => ({ text, truncated: Boolean(truncated) })),
      figures: (figures.get(row.id) ?? []).map(({ value, display, qualifier, unit, label, sentence, paragraph }) => ({
        value, display, qualifier, unit, label, sentence, paragraph,
      })),
      draftRowId: row.id,
      publishedRowId: published.get(row.document_id) ?? null,
      sourceKey: row.source_key ?? null,
      sourceName: row.source_name ?? null,
      splitOverrides: asJson<LineOverrides | null>(row.split_overrides, null),
      bodyFingerprint: row.body_fingerprint ?? null,
      sourceHash: row.source_hash ?? null,
      leadKey: row.lead_key ?? null,
      titleKey: row.title_key ?? null,
      similarity: row.similarity ?? null,
      createdAt: row.created_at,
      // An article the CMS created (never imported) belongs to its editors: it counts as changed.
      changedInCms: !(time(row.updated_at) <= time(row.imported_at)),
    }));
  }

  /**
   * Drafts without a key that were once imported from a file of that name (the import log keeps
   * every name): an archive imported without keys is found again by `--source-key path`.
   */
  async function unkeyedByImportedName(trx: Knex, names: string[]) {
    const found = new Map<string, string>();
    const log = tableOf(strapi, IMPORT_LOG);
    for (const part of chunk([...new Set(names)], 500)) {
      const rows = await trx(log)
        .select(`${log}.source_name`, `${log}.article_document_id`)
        .whereIn(`${log}.source_name`, part)
        .whereNotNull(`${log}.article_document_id`)
        .orderBy(`${log}.id`);
      for (const row of rows) if (!found.has(row.source_name)) found.set(row.source_name, row.article_document_id);
    }
    if (found.size === 0) return { rows: [] as Array<Record<string, any>>, found };
    const rows = (await draftRowsWhere(trx, 'document_id', [...found.values()])).filter((row) => !row.source_key);
    return { rows, found };
  }

  /**
   * The stored stories matching any of the keys or fingerprints, each with its draft's content.
   * When several drafts share a fingerprint, the first imported is the story.
   */
  async function findKnown(trx: Knex, keys: string[], fingerprints: string[]) {
    const keyed = await draftRowsWhere(trx, 'source_key', keys);
    const keysFound = new Set(keyed.map((row) => row.source_key));
    const named = await unkeyedByImportedName(trx, keys.filter((key) => !keysFound.has(key)));
    const rows = [...keyed, ...(await draftRowsWhere(trx, 'body_fingerprint', fingerprints)), ...named.rows];
    const drafts = [...new Map(rows.map((row) => [row.id as number, row])).values()].sort((a, b) => a.id - b.id);
    const byKey = new Map<string, KnownArticle>();
    const byFingerprint = new Map<string, KnownArticle>();
    const byDocument = new Map<string, KnownArticle>();
    for (const known of await hydrate(trx, drafts)) {
      byDocument.set(known.documentId, known);
      if (known.sourceKey && !byKey.has(known.sourceKey)) byKey.set(known.sourceKey, known);
      if (known.bodyFingerprint && !byFingerprint.has(known.bodyFingerprint)) byFingerprint.set(known.bodyFingerprint, known);
    }
    const byImportedName = new Map<string, KnownArticle>();
    for (const [name, documentId] of named.found) {
      const known = byDocument.get(documentId);
      if (known && !known.sourceKey) byImportedName.set(name, known);
    }
    return { byKey, byFingerprint, byImportedName };
  }

  /** Drafts in id order after `afterId`, with their stored raw text: the re-split's pages. */
  async function draftsAfter(trx: Knex, afterId: number, limit: number): Promise<Array<KnownArticle & { rawText: string | null }>> {
    const rows = await trx(articles()).select([...ARTICLE_COLUMNS, 'raw_text']).whereNull('published_at').where('id', '>', afterId).orderBy('id').limit(limit);
    const known = await hydrate(trx, rows);
    return known.map((article, i) => ({ ...article, rawText: rows[i].raw_text ?? null }));
  }

  /** New articles (draft, and published when asked) with their teasers, figures, teaser links and band keys. */
  async function insertArticles(trx: Knex, fresh: NewArticle[], { publish, now }: { publish: boolean; now: Date }) {
    if (fresh.length === 0) return;
    const rows = fresh.map(({ article, documentId, slug }) => ({
      ...articleFields(article),
      documentId,
      slug,
      importedAt: now,
      createdAt: now,
      updatedAt: now,
    }));
    // A server's job writes on the server's thread: the event loop gets a turn between statements.
    const yieldIfDue = createYielder();
    const inserted = await insertRecords(strapi, trx, ARTICLE, rows.map((row) => ({ ...row, publishedAt: null })));
    if (publish) inserted.push(...(await insertRecords(strapi, trx, ARTICLE, rows.map((row) => ({ ...row, publishedAt: now })))));
    // Every row of each new document (draft, and published with publish), from the INSERTs' RETURNING.
    const articleRows = new Map<string, number[]>();
    for (const { id, document_id: documentId } of inserted) appendTo(articleRows, documentId, id);

    await yieldIfDue();
    const teasers = await children.insertChildren(
      trx,
      TEASER,
      fresh.map(({ article, documentId }) => ({ rowIds: articleRows.get(documentId)!, children: article.teasers })),
      now
    );
    await yieldIfDue();
    await children.insertChildren(
      trx,
      FIGURE,
      fresh.map(({ article, documentId }) => ({ rowIds: articleRows.get(documentId)!, children: article.figures })),
      now
    );
    await yieldIfDue();
    await links.linkNewTeasers(trx, teasers.map(({ id, data }) => ({ id, text: data.text, leadKey: data.leadKey })));
    await links.linkWaitingTeasers(
      trx,
      fresh.map(({ article, documentId }) => ({ rowIds: articleRows.get(documentId)!, leadKey: article.leadKey, titleKey: article.titleKey }))
    );
    await yieldIfDue();
    await similarity.insertBands(trx, fresh.map(({ documentId, article }) => ({ documentId, bands: article.bands })));
  }

  /**
   * Known stories updated from a new text. The draft always takes the text (provenance, fields,
   * and what changed of teasers and figures). A change of the teaser block alone also reaches the
   * published version (teasers are links to other stories, not the story); anything else reaches
   * it only with `publish`, which makes the published version the draft's copy.
   */
  async function updateArticles(trx: Knex, updates: ArticleUpdate[], now: Date) {
    const rekeyed: Array<{ rowIds: number[]; leadKey: string | null; titleKey: string | null }> = [];
    const teaserParents: Array<{ rowIds: number[]; children: PreparedArticle['teasers'] }> = [];
    const figureParents: Array<{ rowIds: number[]; children: PreparedArticle['figures'] }> = [];
    const resigned: ArticleUpdate[] = [];
    const fieldsOf = new Map<ArticleUpdate, Record<string, unknown>>();
    for (const update of updates) {
      const { known, article, changes, publish } = update;
      const fields = { ...articleFields(article), sourceKey: article.sourceKey ?? known.sourceKey, importedAt: now, updatedAt: now };
      fieldsOf.set(update, fields);
      await updateRecord(strapi, trx, ARTICLE, known.draftRowId, fields);
      if (changes.teasers > 0) {
        const everywhere = onlyTeasersChanged(changes) && known.publishedRowId !== null && !publish;
        teaserParents.push({ rowIds: everywhere ? [known.draftRowId, known.publishedRowId!] : [known.draftRowId], children: article.teasers });
      }
      if (changes.figures > 0) figureParents.push({ rowIds: [known.draftRowId], children: article.figures });
      if (article.similarity !== known.similarity) resigned.push(update);
    }
    // The batch's teasers and figures are replaced with a few statements for all its articles.
    await children.detachChildren(trx, TEASER, teaserParents.flatMap(({ rowIds }) => rowIds));
    const newTeasers = await children.insertChildren(trx, TEASER, teaserParents, now);
    await children.detachChildren(trx, FIGURE, figureParents.flatMap(({ rowIds }) => rowIds));
    await children.insertChildren(trx, FIGURE, figureParents, now);

    for (const update of updates) {
      const { known, article, publish } = update;
      const rowIds = [known.draftRowId];
      if (publish) rowIds.push(await publishDraft(trx, known, fieldsOf.get(update)!, now));
      if (article.leadKey !== known.leadKey || article.titleKey !== known.titleKey) {
        rekeyed.push({ rowIds, leadKey: article.leadKey, titleKey: article.titleKey });
      }
    }
    await similarity.deleteBands(trx, resigned.map(({ known }) => known.documentId));
    await similarity.insertBands(trx, resigned.map(({ known, article }) => ({ documentId: known.documentId, bands: article.bands })));
    await links.linkNewTeasers(trx, newTeasers.map(({ id, data }) => ({ id, text: data.text, leadKey: data.leadKey })));
    await links.linkWaitingTeasers(trx, rekeyed);
  }

  /** The published version becomes a copy of the draft: its fields, teasers and figures. Returns its row id. */
  async function publishDraft(trx: Knex, known: KnownArticle, fields: Record<string, unknown>, now: Date): Promise<number> {
    let publishedRowId = known.publishedRowId;
    if (publishedRowId === null) {
      const [row] = await insertRecords(strapi, trx, ARTICLE, [
        { ...fields, documentId: known.documentId, slug: known.slug, createdAt: known.createdAt, publishedAt: now },
      ]);
      publishedRowId = row.id;
      // Teasers elsewhere that tease this story reach its published version too.
      const teased = joinTableOf(strapi, TEASER, 'linkedArticle');
      const waiting = await trx(teased.name).select(teased.joinColumn.name, teased.inverseOrderColumnName).where(teased.inverseJoinColumn.name, known.draftRowId);
      await insertLinkRows(trx, teased, waiting.map((row: Record<string, number>) => [row[teased.joinColumn.name], publishedRowId!, row[teased.inverseOrderColumnName]]));
    } else {
      await updateRecord(strapi, trx, ARTICLE, publishedRowId, { ...fields, publishedAt: now });
      await children.detachChildren(trx, TEASER, [publishedRowId]);
      await children.detachChildren(trx, FIGURE, [publishedRowId]);
    }
    for (const uid of [TEASER, FIGURE] as const) {
      const ids = (await children.childIdsOf(trx, uid, [known.draftRowId])).get(known.draftRowId) ?? [];
      await children.linkChildren(trx, uid, ids, [publishedRowId]);
    }
    return publishedRowId;
  }

  /**
   * A write through the Document Service stamps updatedAt itself: importedAt takes the same
   * instant, so "changed in the CMS since its import" is exactly updatedAt > importedAt.
   */
  async function stampImported(trx: Knex, documentId: string) {
    await trx(articles()).where({ document_id: documentId }).update({ imported_at: trx.ref('updated_at') });
  }

  return { findKnown, draftsAfter, insertArticles, updateArticles, stampImported, bands: similarity };
};
