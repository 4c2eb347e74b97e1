import type { IntlShape } from 'react-intl';
import type { ImportChanges } from '../../../shared/contracts';
import { getTranslation } from './getTranslation';

/** The article fields an import compares one by one (server identity/changes.ts), in words. */
const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  byline: 'byline',
  excerpt: 'excerpt',
  publishedAt: 'published',
};

/**
 * What an update changed (or would change), in words: "2 paragraphs, 3 teasers, 1 figure; title".
 * Counts of zero are left out; no change at all reads "no changes"; nothing known, ''.
 */
export function describeChanges(changes: ImportChanges | null | undefined, formatMessage: IntlShape['formatMessage']): string {
  if (!changes) return '';
  const counts = [
    changes.paragraphs > 0 &&
      formatMessage(
        { id: getTranslation('changes.paragraphs'), defaultMessage: '{count, plural, one {# paragraph} other {# paragraphs}}' },
        { count: changes.paragraphs }
      ),
    changes.teasers > 0 &&
      formatMessage(
        { id: getTranslation('changes.teasers'), defaultMessage: '{count, plural, one {# teaser} other {# teasers}}' },
        { count: changes.teasers }
      ),
    changes.figures > 0 &&
      formatMessage(
        { id: getTranslation('changes.figures'), defaultMessage: '{count, plural, one {# figure} other {# figures}}' },
        { count: changes.figures }
      ),
  ].filter((part): part is string => Boolean(part));
  const fields = (changes.fields ?? []).map((field) =>
    formatMessage({ id: getTranslation(`changes.field.${field}`), defaultMessage: FIELD_LABELS[field] ?? field })
  );
  const parts = [counts.join(', '), fields.join(', ')].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : formatMessage({ id: getTranslation('changes.none'), defaultMessage: 'no changes' });
}
