import { extractFigures } from '../../src/plugins/raw-import/core';

/** Numbers a story writes that are never figures: dates, ordinals, names, ages, phone numbers, counters. */

type Lang = 'en' | 'de' | 'fr' | 'es';
// A first paragraph without numbers that sets the article's language, as the first paragraphs of a story do.
const LEAD: Record<Lang, string> = {
  en: 'The city and the council said that the plan was agreed with the residents of the area.',
  de: 'Die Stadt und der Kreis haben sich auf eine Lösung geeinigt, die von allen mitgetragen wird.',
  fr: 'La ville et les habitants du quartier sont inquiets pour la suite des travaux dans la région.',
  es: 'El ayuntamiento y los vecinos del barrio se reunieron para hablar de la situación de las obras.',
};
const valuesIn = (language: Lang, sentence: string) => extractFigures([LEAD[language], sentence]).map((f) => f.value);

describe('figures: what is never a figure', () => {
  it.each([
    ['en', 'The festival runs 12-14 March in the park.'],
    ['en', 'The festival runs from 12 to 14 March.'],
    ['en', 'It was held between 3 and 5 May.'],
    ['en', 'The talks ran May 3 to 5.'],
    ['en', 'The study covered 2019-2021.'],
    ['en', 'The hearing was set for 14/03/2025.'],
    ['fr', 'Le festival a lieu du 3 au 5 mai.'],
    ['fr', 'Les 3 et 4 mai seront fériés.'],
    ['de', 'Das Fest findet vom 3. bis 5. Mai statt.'],
    ['de', 'Am 3. und 4. Mai ist geschlossen.'],
    ['de', 'Bis zum 14.3. bleibt die Straße gesperrt.'],
    ['es', 'Del 3 al 5 de mayo habrá cortes.'],
    ['es', 'Entre el 3 y el 5 de mayo habrá cortes.'],
  ])('leaves out a date or date range (%s): %s', (language, text) => {
    expect(valuesIn(language as Lang, text)).toEqual([]);
  });

  it.each([
    ['es', 'La reunión será entre las 14.00 y las 16.00 horas.'],
    ['en', 'The meeting starts at 14.30 in the hall.'],
  ])('leaves out a time written with a full stop (%s): %s', (language, text) => {
    expect(valuesIn(language as Lang, text)).toEqual([]);
  });

  it('still reads a decimal after "to" in English copy', () => {
    expect(valuesIn('en', 'The waiting list fell to 7.54 million.')).toEqual([7.54e6]);
  });

  it.each([
    ['Der Verein steht vor der 3. Runde des Pokals.'],
    ['Am 25. Spieltag gewann die Mannschaft.'],
    ['Der Umsatz stieg im 2. Quartal.'],
    ['Bayern gewann in der 90. Minute.'],
    ['Es ist das 5. Mal in Folge.'],
  ])('leaves out a German ordinal before a capitalised noun: %s', (text) => {
    expect(valuesIn('de', text)).toEqual([]);
  });

  it('still reads a German number that ends its sentence', () => {
    expect(valuesIn('de', 'Die Zahl der Toten stieg auf 12. Die Polizei ermittelt.')).toEqual([12]);
  });

  it.each([
    ['de', 'Schalke 04 gewann gegen den 1. FC Köln.'],
    ['en', 'Samsung launched the Galaxy S24 and the iPhone 16 went on sale.'],
    ['en', 'They drove along Route 66 to Paris 2024.'],
    ['en', 'The M25 was closed between junctions 10 and 11.'],
    ['en', 'He lives at 10 Downing Street.'],
    ['es', 'El gol llegó en el minuto 58 del partido.'],
  ])('leaves out a number inside a name (%s): %s', (language, text) => {
    expect(valuesIn(language as Lang, text)).toEqual([]);
  });

  it('reads a count after a German weekday or noun', () => {
    expect(valuesIn('de', 'Am Sonntag 200 Menschen demonstrierten.')).toEqual([200]);
  });

  it.each([
    ['en', 'Smith, 52, was arrested.'],
    ['en', 'The victim was named as Jane Smith, 52.'],
    ['en', 'John Smith (52) was arrested.'],
    ['en', 'A man aged 52 and a 52-year-old woman were arrested.'],
    ['en', 'Since he was 19 he has lived here.'],
    ['en', 'He died at 84 after a long illness.'],
    ['en', 'Most participants were white and aged over 60.'],
    ['fr', 'Un homme de 52 ans a été arrêté.'],
    ['es', 'Un hombre de 52 años fue detenido.'],
    ['de', 'Der 52-jährige Fahrer wurde verletzt.'],
    ['de', 'Er starb im Alter von 52 Jahren.'],
    ['de', 'Hans Müller († 84) war Bürgermeister.'],
    ['de', 'Hans Müller † 84 war Bürgermeister.'],
    ['en', 'The writer Jane Doe (1941–2025) died.'],
  ])('leaves out an age (%s): %s', (language, text) => {
    expect(valuesIn(language as Lang, text)).toEqual([]);
  });

  it.each([
    ['en', 'Call +49 30 1234567 for details.'],
    ['en', 'Call 0800 123 456 for details.'],
    ['en', 'Call (555) 123-4567 for details.'],
    ['en', 'Call 91 123 45 67 for information.'],
    ['fr', 'Appelez le 01 23 45 67 89 pour réserver.'],
    ['en', 'Residents can find help by calling 211.'],
    ['en', 'In an emergency dial 999 or 112.'],
    ['es', 'En caso de emergencia llame al 112.'],
  ])('leaves out a phone number (%s): %s', (language, text) => {
    expect(valuesIn(language as Lang, text)).toEqual([]);
  });

  it('still reads an amount after a year written without a comma', () => {
    expect(valuesIn('fr', 'En 2023 12 300 personnes ont visité le musée.')).toEqual([12300]);
  });

  it.each([['en', 'Photo 3 / 9'], ['en', 'Slide 3 of 12'], ['de', 'Bild 3 von 9']])(
    'leaves out an image counter (%s): %s',
    (language, text) => {
      expect(valuesIn(language as Lang, text)).toEqual([]);
    },
  );
});
