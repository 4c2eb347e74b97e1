/**
 * An article's teasers and figures: entities of their own (no draft & publish), joined to every
 * row of the article they belong to (draft, and published) through the relation's link table.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createDocumentId } from './document-ids';
import { insertLinkRows, insertRecords } from './rows';
import { FIGURE, TEASER, appendTo, chunk, joinTableOf, tableOf } from './tables';

export type ChildUid = typeof TEASER | typeof FIGURE;

export const createChildren = (strapi: Core.Strapi) => {
  const articleLink = (uid: ChildUid) => joinTableOf(strapi, uid, 'article');

  /** New children, each joined to all the given article rows, in their `position` order. */
  async function insertChildren<T extends { position: number }>(
    trx: Knex,
    uid: ChildUid,
    parents: Array<{ rowIds: number[]; children: T[] }>,
    now: Date
  ): Promise<Array<{ id: number; data: T }>> {
    const records = parents.flatMap(({ rowIds, children }) =>
      children.map((child) => ({ data: child, documentId: createDocumentId(), rowIds }))
    );
    if (records.length === 0) return [];
    const inserted = await insertRecords(
      strapi,
      trx,
      uid,
      records.map(({ data, documentId }) => ({ ...data, documentId, createdAt: now, updatedAt: now, publishedAt: now }))
    );
    const ids = new Map(inserted.map((row) => [row.document_id, row.id]));
    const written = records.map((record) => ({ ...record, id: ids.get(record.documentId)! }));
    await insertLinkRows(
      trx,
      articleLink(uid),
      written.flatMap(({ id, data, rowIds }) => rowIds.map((articleId) => [id, articleId, data.position + 1] as [number, number, number]))
    );
    return written;
  }

  /** Ids of the children joined to each article row, in position order. */
  async function childIdsOf(trx: Knex, uid: ChildUid, rowIds: number[]): Promise<Map<number, number[]>> {
    const link = articleLink(uid);
    const found = new Map<number, number[]>();
    for (const part of chunk(rowIds, 500)) {
      const rows = await trx(link.name)
        .select({ child: link.joinColumn.name, row: link.inverseJoinColumn.name })
        .whereIn(link.inverseJoinColumn.name, part)
        .orderBy(link.inverseOrderColumnName);
      for (const { child, row } of rows) appendTo(found, row, child);
    }
    return found;
  }

  /** Joins existing children to more article rows (a new published row gets the draft's). */
  async function linkChildren(trx: Knex, uid: ChildUid, childIds: number[], rowIds: number[]) {
    await insertLinkRows(
      trx,
      articleLink(uid),
      rowIds.flatMap((rowId) => childIds.map((childId, order) => [childId, rowId, order + 1] as [number, number, number]))
    );
  }

  /** Detaches every child from these article rows; children no longer joined to any article are deleted. */
  async function detachChildren(trx: Knex, uid: ChildUid, rowIds: number[]) {
    if (rowIds.length === 0) return;
    const link = articleLink(uid);
    const attached = await childIdsOf(trx, uid, rowIds);
    const childIds = [...new Set([...attached.values()].flat())];
    for (const part of chunk(rowIds, 500)) await trx(link.name).whereIn(link.inverseJoinColumn.name, part).delete();
    await deleteOrphans(trx, uid, childIds);
  }

  /** Deletes those of the children that no article row joins any more (with a teaser's own link to the story it teases). */
  async function deleteOrphans(trx: Knex, uid: ChildUid, childIds: number[]) {
    const link = articleLink(uid);
    for (const part of chunk(childIds, 500)) {
      const kept = new Set(
        (await trx(link.name).distinct({ child: link.joinColumn.name }).whereIn(link.joinColumn.name, part)).map((row: { child: number }) => row.child)
      );
      const orphans = part.filter((id) => !kept.has(id));
      if (orphans.length === 0) continue;
      if (uid === TEASER) {
        const teased = joinTableOf(strapi, TEASER, 'linkedArticle');
        await trx(teased.name).whereIn(teased.joinColumn.name, orphans).delete();
      }
      await trx(tableOf(strapi, uid)).whereIn('id', orphans).delete();
    }
  }

  return { insertChildren, childIdsOf, linkChildren, detachChildren };
};
