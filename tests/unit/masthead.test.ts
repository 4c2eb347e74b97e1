import { splitRawText } from '../../src/plugins/raw-import/core';

/** The top of a scraped page: section labels, time stamps and widgets around the headline and the byline. */

const LEDE = 'PORT AVERLY — The town council voted on Tuesday to close the old swimming baths at the end of the summer.';
const SECOND = 'Councillors said repairs would cost more than the building was worth, and that a new pool was planned.';
const HEADLINE = 'Council votes to close the old swimming baths';

const split = (...lines: string[]) => splitRawText(lines.join('\n'));
const kinds = (lines: string[]) => splitRawText(lines.join('\n')).boilerplate.map((b) => [b.text, b.kind]);

describe('the headline', () => {
  it('is found after a skip link, a section label and a time stamp', () => {
    const result = split('Skip to content', 'Local', 'Updated 06:41 GMT', HEADLINE, 'By Mara Okafor', LEDE, SECOND);
    expect(result.title).toBe(HEADLINE);
    expect(result.byline).toBe('Mara Okafor');
    expect(result.body).toEqual([LEDE, SECOND]);
    expect(kinds(['Skip to content', 'Local', 'Updated 06:41 GMT', HEADLINE, LEDE, SECOND])).toEqual([
      ['Skip to content', 'navigation'],
      ['Local', 'section'],
      ['Updated 06:41 GMT', 'timestamp'],
    ]);
  });

  it('is not a two-word label above it', () => {
    const result = split('Breaking News', HEADLINE, LEDE, SECOND);
    expect(result.title).toBe(HEADLINE);
    expect(result.boilerplate).toEqual([{ text: 'Breaking News', kind: 'section', line: 1 }]);
  });

  it('is not a breadcrumb of sections', () => {
    expect(split('Economy & Business', HEADLINE, LEDE, SECOND).boilerplate[0]).toEqual({ text: 'Economy & Business', kind: 'section', line: 1 });
  });

  it('sets a repeated headline aside, keeping the first as the title', () => {
    const result = split('Politics', HEADLINE, 'By Mara Okafor', 'March 7, 2026', HEADLINE, LEDE, SECOND);
    expect(result.title).toBe(HEADLINE);
    expect(result.boilerplate.map((b) => b.kind)).toEqual(['section', 'timestamp', 'repeated-headline']);
    expect(result.body).toEqual([LEDE, SECOND]);
  });

  it('is never a byline, a section label, a date line or widget text', () => {
    const result = split('Culture', 'Share', 'Mis à jour le 2 juin 2026 à 11h02', 'Par Élise Garnier', LEDE, SECOND);
    expect(result.title).toBeNull();
    expect(result.byline).toBe('Élise Garnier');
    expect(result.body).toEqual([LEDE, SECOND]);
  });

  it('is absent when the first body line is a short sentence', () => {
    const result = split('Culture', 'The queue started before dawn.', LEDE, SECOND);
    expect(result.title).toBeNull();
    expect(result.body).toEqual(['The queue started before dawn.', LEDE, SECOND]);
  });

  it('keeps a dek under the headline in the body', () => {
    const dek = 'The council says a new pool will open within three years.';
    const result = split(HEADLINE, dek, 'By Mara Okafor', LEDE, SECOND);
    expect(result.title).toBe(HEADLINE);
    expect(result.body).toEqual([dek, LEDE, SECOND]);
  });

  it('sets a standalone dateline aside and keeps a dateline that opens the lede', () => {
    const result = split('By Tomas Ellery, Courts Correspondent', 'BRACKENFORD, England —', LEDE, SECOND);
    expect(result.boilerplate).toEqual([{ text: 'BRACKENFORD, England —', kind: 'dateline', line: 2 }]);
    expect(result.body[0]).toBe(LEDE);
  });

  it('sets an alert banner above more furniture aside, and never takes it for the headline', () => {
    const result = split('Weather Alert', 'Flood warning in effect until 8 p.m. Thursday', 'Watch live', 'Local', HEADLINE, LEDE, SECOND);
    expect(result.title).toBe(HEADLINE);
    expect(result.boilerplate.map((b) => [b.text, b.kind])).toEqual([
      ['Weather Alert', 'section'],
      ['Flood warning in effect until 8 p.m. Thursday', 'navigation'],
      ['Watch live', 'navigation'],
      ['Local', 'section'],
    ]);
  });

  it('sets a kicker above the headline aside', () => {
    const result = split('Pool-Sensation!', HEADLINE, LEDE, SECOND);
    expect(result.title).toBe(HEADLINE);
    expect(result.boilerplate).toEqual([{ text: 'Pool-Sensation!', kind: 'navigation', line: 1 }]);
  });

  it('reads a credit without "By" under the headline, and the role line under a byline', () => {
    expect(split(HEADLINE, 'Mara Okafor in Port Averly', LEDE, SECOND).byline).toBe('Mara Okafor');
    const result = split(HEADLINE, 'By Mara Okafor & Tom Reyes', 'Political reporters', LEDE, SECOND);
    expect(result.byline).toBe('Mara Okafor & Tom Reyes');
    expect(result.boilerplate).toEqual([{ text: 'Political reporters', kind: 'credit', line: 3 }]);
  });

  it('sets leaked script at the top aside', () => {
    const result = split("if (window.innerWidth < 768) { loadAds('top'); }", 'Science', HEADLINE, LEDE, SECOND);
    expect(result.title).toBe(HEADLINE);
    expect(result.boilerplate.map((b) => b.kind)).toEqual(['script', 'section']);
  });
});

describe('the byline', () => {
  it.each([
    ['By Mara Okafor', 'Mara Okafor'],
    ['By MARA OKAFOR and Tom Reyes, Continental Wire', 'MARA OKAFOR and Tom Reyes'],
    ['By Priya Raman | The Harbour Ledger', 'Priya Raman'],
    ['By Sam Whitlock, Local Democracy Reporter', 'Sam Whitlock'],
    ['By Jane Q. Public', 'Jane Q. Public'],
    ['Von Lena Marquardt und Jonas Pfeil, nordpress', 'Lena Marquardt und Jonas Pfeil'],
    ['Von Lena Brandt (dpa)', 'Lena Brandt'],
    ['Par Élise Garnier et Hugo Marchand, Agence Rivage', 'Élise Garnier et Hugo Marchand'],
    ['Por ANA BELÉN ROJAS y Martín Quiroga, Agencia Litoral', 'ANA BELÉN ROJAS y Martín Quiroga'],
    ['Por Carmen Iturbe, corresponsal en Bruselas', 'Carmen Iturbe'],
    ['By Ana de la Cruz', 'Ana de la Cruz'],
    ['Por Marta Quiroga / Agencia Meridiana', 'Marta Quiroga'],
  ])('reads "%s" as %s', (line, names) => {
    const result = split(HEADLINE, line, LEDE, SECOND);
    expect(result.byline).toBe(names);
    expect(result.body).toEqual([LEDE, SECOND]);
  });

  it.each([
    'By Tuesday evening, about 300 people had signed the petition.',
    'By contrast, the neighbouring town kept its pool open',
    'By 2030 the town expects to need two pools',
  ])('is not a body line that starts with "By": %s', (line) => {
    const result = split(HEADLINE, line, LEDE, SECOND);
    expect(result.byline).toBeNull();
    expect(result.body).toEqual([line, LEDE, SECOND]);
  });

  it('is null when the page credits no one', () => {
    expect(split(HEADLINE, LEDE, SECOND).byline).toBeNull();
  });

  it('is not "Reporting by …" at the end, which is set aside as a credit', () => {
    const result = split(HEADLINE, LEDE, SECOND, 'Reporting by Aoife Brennan; Editing by Mark Ridley');
    expect(result.byline).toBeNull();
    expect(result.boilerplate.map((b) => b.kind)).toEqual(['credit']);
  });
});
