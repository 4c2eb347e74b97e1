/** Which language an article is written in, from its commonest short words (decides "2,5" vs "2.5"). */

export type Language = 'en' | 'de' | 'fr' | 'es';

const FUNCTION_WORDS: Record<Language, string[]> = {
  en: ['the', 'and', 'of', 'to', 'was', 'is', 'that', 'with', 'for', 'said', 'have', 'has', 'were', 'from'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'mit', 'sich', 'von', 'ist', 'den', 'dem', 'auf', 'für', 'eine', 'wurde'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'du', 'que', 'pour', 'dans', 'qui', 'sur', 'au', 'pas'],
  es: ['el', 'los', 'las', 'del', 'que', 'y', 'por', 'una', 'para', 'con', 'en', 'es', 'se', 'al', 'lo'],
};

const LOOKUP = new Map<string, Language[]>();
for (const [language, words] of Object.entries(FUNCTION_WORDS) as [Language, string[]][]) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), language]);
}

const SAMPLE_CHARS = 1500;
const WORD = /\p{L}+/gu;

export function detectLanguage(text: string): Language {
  const counts: Record<Language, number> = { en: 0, de: 0, fr: 0, es: 0 };
  for (const match of text.slice(0, SAMPLE_CHARS).toLowerCase().matchAll(WORD)) {
    const languages = LOOKUP.get(match[0]);
    if (languages) for (const l of languages) counts[l]++;
  }
  let best: Language = 'en';
  for (const l of ['de', 'fr', 'es'] as Language[]) if (counts[l] > counts[best]) best = l;
  return best;
}

/** Languages that write "2,5" for two and a half and "14.000" for fourteen thousand. */
export function usesDecimalComma(language: Language): boolean {
  return language !== 'en';
}
