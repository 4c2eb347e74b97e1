import { createIntl } from 'react-intl';
import { describeChanges } from '../../../src/plugins/raw-import/admin/src/utils/describeChanges';
import en from '../../../src/plugins/raw-import/admin/src/translations/en.json';
import de from '../../../src/plugins/raw-import/admin/src/translations/de.json';
import { prefixPluginTranslations } from '../../../src/plugins/raw-import/admin/src/utils/prefixPluginTranslations';

const intl = (locale: string, messages: Record<string, string>) =>
  createIntl({ locale, messages: prefixPluginTranslations(messages, 'raw-import'), onError: () => undefined });
const english = intl('en', en);
const describe_ = (changes: Parameters<typeof describeChanges>[0]) => describeChanges(changes, english.formatMessage);

describe('describeChanges (what an import changed, in the history panel, the preview and the outcome)', () => {
  it('counts paragraphs, teasers and figures, then names the fields', () => {
    expect(describe_({ paragraphs: 2, teasers: 3, figures: 1, fields: ['title'] })).toBe('2 paragraphs, 3 teasers, 1 figure; title');
  });

  it('leaves out what did not change', () => {
    expect(describe_({ paragraphs: 0, teasers: 1, figures: 0, fields: [] })).toBe('1 teaser');
    expect(describe_({ paragraphs: 0, teasers: 0, figures: 0, fields: ['byline', 'publishedAt'] })).toBe('byline, published');
  });

  it('says so when nothing changed, and nothing when nothing is known', () => {
    expect(describe_({ paragraphs: 0, teasers: 0, figures: 0, fields: [] })).toBe('no changes');
    expect(describe_(null)).toBe('');
  });

  it('names a field it does not know by its attribute name', () => {
    expect(describe_({ paragraphs: 0, teasers: 0, figures: 0, fields: ['wordCount'] })).toBe('wordCount');
  });

  it('falls back to the English words in a language without them', () => {
    expect(describeChanges({ paragraphs: 1, teasers: 0, figures: 2, fields: [] }, intl('de', de).formatMessage)).toBe('1 paragraph, 2 figures');
  });
});

describe('the translation files', () => {
  it('are keyed alike in German and French, and only with keys the English file has', async () => {
    const fr = (await import('../../../src/plugins/raw-import/admin/src/translations/fr.json')).default;
    expect(Object.keys(de).sort()).toEqual(Object.keys(fr).sort());
    expect(Object.keys(de).filter((key) => !(key in en))).toEqual([]);
  });
});
