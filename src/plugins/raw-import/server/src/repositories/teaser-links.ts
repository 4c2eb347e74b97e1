import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { matchForm, opensWith, wordBoundaryPrefixes } from '../../../core/article/fields';
import { ARTICLE, TEASER, bytewise, chunk, joinTableOf, tableOf } from './tables';
import { insertLinkRows } from './rows';

/** A teaser just written, with its row id and its stored key (see teaserMatchKey). */
export interface NewTeaser {
  id: number;
  text: string;
  leadKey: string | null;
}

/** An article just written: every row of the document (draft, and published if any) and its keys. */
export interface NewArticle {
  rowIds: number[];
  leadKey: string | null;
  titleKey: string | null;
}

/** Sorts after every string that starts with the prefix it is appended to. */
const PREFIX_END = '\u{10FFFF}';
// Few keys per query: PostgreSQL turns a long OR of ranges into a sequential scan.
const KEYS_PER_QUERY = 16;
/** Each article brings a few dozen word-boundary prefixes to the IN list. */
const ARTICLES_PER_QUERY = 20;

/**
 * Links teasers to the articles they tease, whichever arrives first, with indexed lookups batched
 * per write: new teasers → articles whose lede or title starts with them (a prefix range on the
 * article's key), and new articles → unlinked teasers whose key is one of the article key's
 * word-boundary prefixes (equality). Runs inside the caller's transaction.
 */
export const createTeaserLinks = (strapi: Core.Strapi) => {
  const linkTable = () => joinTableOf(strapi, TEASER, 'linkedArticle');
  const articlesTable = () => tableOf(strapi, ARTICLE);
  const teasersTable = () => tableOf(strapi, TEASER);
  // Prefix ranges must compare bytes, not locale rules.
  const column = (name: string) => bytewise(strapi, name);

  async function insertLinks(trx: Knex, links: Array<{ teaserId: number; articleIds: number[] }>) {
    // Order of the article's `teasedBy`: by teaser id, i.e. the order teasers arrived.
    const rows = links.flatMap(({ teaserId, articleIds }) => articleIds.map((articleId) => [teaserId, articleId, teaserId] as [number, number, number]));
    await insertLinkRows(trx, linkTable(), rows);
    return links.length;
  }

  type KeyedRow = { id: number; document_id: string; lead_key: string | null; title_key: string | null };

  /** Articles whose lede or title key starts with one of the keys: an index range per key. */
  async function articlesOpenedBy(trx: Knex, keys: string[]): Promise<KeyedRow[]> {
    const ranges = keys.map(() => `(${column('lead_key')} >= ? AND ${column('lead_key')} < ?) OR (${column('title_key')} >= ? AND ${column('title_key')} < ?)`);
    const bindings = keys.flatMap((key) => [key, key + PREFIX_END, key, key + PREFIX_END]);
    return trx(articlesTable()).select('id', 'document_id', 'lead_key', 'title_key').whereRaw(ranges.join(' OR '), bindings);
  }

  /** New teasers → the articles they tease (already in the CMS, or written in this batch). */
  async function linkNewTeasers(trx: Knex, teasers: NewTeaser[]): Promise<number> {
    const keyed = teasers.filter((teaser) => teaser.leadKey);
    const links: Array<{ teaserId: number; articleIds: number[] }> = [];

    for (const part of chunk(keyed, KEYS_PER_QUERY)) {
      const keys = [...new Set(part.map((teaser) => teaser.leadKey as string))];
      const rows = await articlesOpenedBy(trx, keys);
      // Sorted here: an ORDER BY would make SQLite scan the table instead of the key indexes.
      rows.sort((a, b) => a.id - b.id);

      for (const teaser of part) {
        const form = matchForm(teaser.text);
        const opened = (row: (typeof rows)[number]) =>
          (row.lead_key !== null && opensWith(row.lead_key, form)) || (row.title_key !== null && opensWith(row.title_key, form));
        // The first article imported wins when two open alike; link every row (draft, published) of it.
        const match = rows.find(opened);
        if (!match) continue;
        const articleIds = rows.filter((row) => row.document_id === match.document_id).map((row) => row.id);
        links.push({ teaserId: teaser.id, articleIds });
      }
    }
    return insertLinks(trx, links);
  }

  /** New articles → earlier teasers that were waiting for them (still unlinked). */
  async function linkWaitingTeasers(trx: Knex, articles: NewArticle[]): Promise<number> {
    const table = linkTable();
    const links: Array<{ teaserId: number; articleIds: number[] }> = [];
    const linked = new Set<number>();

    for (const part of chunk(articles, ARTICLES_PER_QUERY)) {
      const prefixes = new Set(
        part.flatMap((article) => [article.leadKey, article.titleKey].flatMap((key) => (key ? [key, ...wordBoundaryPrefixes(key)] : [])))
      );
      if (prefixes.size === 0) continue;
      const waiting: Array<{ id: number; text: string }> = await trx(teasersTable())
        .select('id', 'text')
        .whereIn('lead_key', [...prefixes])
        .whereNotExists(function unlinked() {
          this.select(1).from(table.name).whereRaw('?? = ??', [`${table.name}.${table.joinColumn.name}`, `${teasersTable()}.id`]);
        });
      waiting.sort((a, b) => a.id - b.id);

      for (const teaser of waiting) {
        if (linked.has(teaser.id)) continue;
        const form = matchForm(teaser.text);
        const match = part.find(
          (article) => (article.leadKey !== null && opensWith(article.leadKey, form)) || (article.titleKey !== null && opensWith(article.titleKey, form))
        );
        if (!match) continue;
        linked.add(teaser.id);
        links.push({ teaserId: teaser.id, articleIds: match.rowIds });
      }
    }
    return insertLinks(trx, links);
  }

  return { linkNewTeasers, linkWaitingTeasers };
};
