import {
  articleMatchKey,
  countWords,
  cutOnWord,
  deriveExcerpt,
  deriveTitle,
  matchForm,
  opensWith,
  readingTimeMinutes,
  teaserMatchKey,
  wordBoundaryPrefixes,
} from '../../src/plugins/raw-import/core/article/fields';

describe('derived article fields', () => {
  it('keeps an explicit headline as the title', () => {
    expect(deriveTitle('Storm closes the harbour', ['The harbour closed on Monday.'])).toBe('Storm closes the harbour');
  });

  it('derives the title from the first sentence when there is no headline', () => {
    expect(deriveTitle(null, ['The harbour closed on Monday. Boats stayed in port.'])).toBe('The harbour closed on Monday');
  });

  it('cuts a long first sentence on a word at 120 characters, with an ellipsis', () => {
    const sentence = `${'Councillors argued about the harbour wall '.repeat(5)}until late.`;
    const title = deriveTitle(null, [sentence]);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
    expect(sentence.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.slice(0, -1)).not.toMatch(/\s$/);
  });

  it.each([
    ['Dr. Amara Osei opened the clinic on Monday. It has 40 beds.', 'Dr. Amara Osei opened the clinic on Monday'],
    ['The U.S. Senate passed the bill. It now goes to the House.', 'The U.S. Senate passed the bill'],
    ['Mr. Vale and St. Clair met on Jan. 5 at No. 10. Nothing was agreed.', 'Mr. Vale and St. Clair met on Jan. 5 at No. 10'],
  ])('does not stop the derived title at an abbreviation: %s', (lede, title) => {
    expect(deriveTitle(null, [lede])).toBe(title);
  });

  it.each([
    ['WASHINGTON (AP) — The Senate passed the bill on Friday. More follows.', 'The Senate passed the bill on Friday'],
    ['LAGOS, Nigeria — Floods swept through the city. Thousands fled.', 'Floods swept through the city'],
    ['Kressbach (nordpress) – Das Gericht hat entschieden. Weiter.', 'Das Gericht hat entschieden'],
  ])('skips a leading dateline in the derived title: %s', (lede, title) => {
    expect(deriveTitle(null, [lede])).toBe(title);
  });

  it('takes the excerpt from the lede, at most 300 characters', () => {
    const lede = 'word '.repeat(100).trim();
    expect(deriveExcerpt([lede, 'second']).length).toBeLessThanOrEqual(300);
    expect(deriveExcerpt(['Short lede.', 'second'])).toBe('Short lede.');
  });

  it('counts words and gives at least one minute of reading', () => {
    expect(countWords(['one two three', ' four  five '])).toBe(5);
    expect(readingTimeMinutes(5)).toBe(1);
    expect(readingTimeMinutes(230 * 4)).toBe(4);
  });

  it('cuts on a word and trims trailing punctuation before the ellipsis', () => {
    expect(cutOnWord('alpha beta, gamma delta', 14)).toBe('alpha beta…');
  });
});

describe('teaser match keys', () => {
  const lede = 'The lighthouse on Skerry Point will be restored after volunteers raised £240,000 in six weeks.';

  it('compares case-, accent-, quote- and whitespace-insensitively', () => {
    expect(matchForm('  Café   “Olé”  ’s ')).toBe('cafe "ole" \'s');
  });

  it('keys a teaser up to its last word, since a teaser may stop mid-word', () => {
    expect(teaserMatchKey('The lighthouse on Skerry Point will be rest')).toBe('the lighthouse on skerry point will be');
  });

  it('refuses to key a teaser too short to link safely', () => {
    expect(teaserMatchKey('Read this')).toBeNull();
  });

  it("finds a teaser's key among the word-boundary prefixes of the article's key", () => {
    const key = articleMatchKey(lede)!;
    expect(wordBoundaryPrefixes(key)).toContain(teaserMatchKey('The lighthouse on Skerry Point will be restored after volunteers raised…'.replace('…', '')));
  });

  it('says whether a teaser opens an article', () => {
    const key = articleMatchKey(lede)!;
    expect(opensWith(key, matchForm('The lighthouse on Skerry Point will be rest'))).toBe(true);
    expect(opensWith(key, matchForm('The lighthouse on Skerry Island will be restored'))).toBe(false);
  });
});
