/** Which language an article is written in, from its commonest short words (decides "2,5" vs "2.5"). */

export type Language = 'en' | 'de' | 'fr' | 'es';

// Short words frequent in one language and rare in the others.
const FUNCTION_WORDS: Record<string, Language> = {
  the: 'en', and: 'en', of: 'en', to: 'en', was: 'en', is: 'en', that: 'en', with: 'en', for: 'en', said: 'en', have: 'en', were: 'en',
  der: 'de', die: 'de', und: 'de', das: 'de', nicht: 'de', mit: 'de', sich: 'de', von: 'de', ist: 'de', den: 'de', dem: 'de', auf: 'de', eine: 'de', wurde: 'de',
  le: 'fr', la: 'fr', les: 'fr', des: 'fr', et: 'fr', est: 'fr', une: 'fr', du: 'fr', pour: 'fr', dans: 'fr', qui: 'fr', sur: 'fr', au: 'fr', pas: 'fr',
  el: 'es', los: 'es', las: 'es', del: 'es', y: 'es', por: 'es', una: 'es', para: 'es', con: 'es', es: 'es', se: 'es', al: 'es', lo: 'es', que: 'es',
};
const SAMPLE_CHARS = 400;
const LOOKUP = new Map(Object.entries(FUNCTION_WORDS));

/** The language of a text, judged on its first few hundred characters. */
export function detectLanguage(text: string): Language {
  const counts: Record<Language, number> = { en: 0, de: 0, fr: 0, es: 0 };
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  for (const word of sample.toLowerCase().split(' ')) {
    const language = LOOKUP.get(word);
    if (language !== undefined) counts[language]++;
  }
  let best: Language = 'en';
  for (const l of ['de', 'fr', 'es'] as Language[]) if (counts[l] > counts[best]) best = l;
  return best;
}

/** Languages that write "2,5" for two and a half and "14.000" for fourteen thousand. */
export function usesDecimalComma(language: Language): boolean {
  return language !== 'en';
}
