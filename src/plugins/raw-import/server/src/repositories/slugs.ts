import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARTICLE, bytewise, chunk, tableOf } from './tables';

/** Unique slugs for a batch: base, base-2, base-3… against the database and each other. */
export async function assignSlugs(strapi: Core.Strapi, trx: Knex, bases: string[]): Promise<string[]> {
  const articles = tableOf(strapi, ARTICLE);
  const slug = bytewise(strapi, 'slug');
  const taken = new Set<string>();
  for (const part of chunk([...new Set(bases)], 500)) {
    const rows = await trx(articles).select('slug').whereRaw(`${slug} IN (${part.map(() => '?').join(', ')})`, part);
    for (const row of rows) taken.add(row.slug);
  }
  // Only a base already in use needs its numbered variants looked up (an index range, not LIKE).
  const crowded = new Set(bases.filter((base, i) => taken.has(base) || bases.indexOf(base) !== i));
  for (const base of crowded) {
    const rows = await trx(articles)
      .select('slug')
      .whereRaw(`${slug} >= ? AND ${slug} < ?`, [`${base}-`, `${base}-\u{10FFFF}`]);
    for (const row of rows) taken.add(row.slug);
  }
  return bases.map((base) => {
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}

