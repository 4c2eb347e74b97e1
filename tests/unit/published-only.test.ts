import { publishedRelationsOnly, withoutArticleSorts } from '../../src/utils/published-only';

const PUBLISHED = { publishedAt: { $notNull: true } };

describe('draft-safe queries for the public', () => {
  it('holds a filter through a related article to published rows', () => {
    expect(publishedRelationsOnly({ linkedArticle: { title: { $startsWith: 'Rail' } } })).toEqual({
      linkedArticle: { title: { $startsWith: 'Rail' }, ...PUBLISHED },
    });
  });

  it('reaches article relations nested in $or, $and and other relations', () => {
    expect(
      publishedRelationsOnly({
        $or: [{ article: { slug: 'a' } }, { text: { $contains: 'x' } }],
        teasers: { linkedArticle: { title: 'b' } },
      })
    ).toEqual({
      $or: [{ article: { slug: 'a', ...PUBLISHED } }, { text: { $contains: 'x' } }],
      teasers: { linkedArticle: { title: 'b', ...PUBLISHED } },
    });
  });

  it('leaves filters that reach no article as they are', () => {
    expect(publishedRelationsOnly({ position: { $lt: 3 }, text: 'x' })).toEqual({ position: { $lt: 3 }, text: 'x' });
  });

  it('drops sort keys through a related article, in every form, and keeps the others', () => {
    expect(withoutArticleSorts('linkedArticle.title:asc,position:desc')).toBe('position:desc');
    expect(withoutArticleSorts(['position', 'article.title'])).toEqual(['position']);
    expect(withoutArticleSorts({ linkedArticle: { title: 'asc' }, position: 'asc' })).toEqual({ position: 'asc' });
    expect(withoutArticleSorts('teasers.linkedArticle.title')).toBeUndefined();
  });
});
