import fc from 'fast-check';
import { splitRawText, normalizeRawText, decodeRawText, RawTextError, type SplitResult } from '../../src/plugins/raw-import/core';

/** Properties of the splitter over arbitrary strings and over generated articles in every layout. */

const squash = (s: string) => s.replace(/\s+/g, '');
// What a cut-off marker leaves behind once whitespace is removed: "…", "...", "[…]", "(…)", "…Readmore", "»".
const MARKER_REMAINS = /^(?:…|\.|\[|\]|\(|\)|»|›|→|>|readmore|continuereading|keepreading|weiterlesen|mehrlesen|lirelasuite|lireplus|ensavoirplus|leermás|seguirleyendo|siguelleyendo|vermás|more|mehr|plus|más)*$/iu;

function splitOrRefusal(text: string): SplitResult | RawTextError {
  try {
    return splitRawText(text);
  } catch (error) {
    if (error instanceof RawTextError) return error;
    throw error;
  }
}

/**
 * Every non-space character of the normalized input is in the title, the byline's line, the body, the
 * set-aside lines, a teaser, a dropped header or a marker — in text order.
 */
function expectNothingLost(input: string, result: SplitResult): void {
  const all = squash(normalizeRawText(input));
  // The article part, in line order: set-aside lines and body paragraphs interleaved as they were.
  const pieces = [
    ...result.body.map((text, i) => ({ text, line: result.bodyLines[i] })),
    ...result.boilerplate.map(({ text, line }) => ({ text, line })),
  ].sort((a, b) => a.line - b.line);
  let rest = all;
  const take = (piece: string) => {
    const at = rest.indexOf(squash(piece));
    expect(at).not.toBe(-1);
    const skipped = rest.slice(0, at);
    rest = rest.slice(at + squash(piece).length);
    return skipped;
  };
  // Around the paragraphs and set-aside lines there is only the headline and the byline's line.
  let unclaimed = '';
  for (const piece of pieces) unclaimed += take(piece.text);
  const title = squash(result.title ?? '');
  if (title !== '') {
    expect(unclaimed.includes(title)).toBe(true);
    unclaimed = unclaimed.replace(title, '');
  }
  if (result.byline === null) expect(unclaimed).toBe('');
  else expect(unclaimed.includes(squash(result.byline))).toBe(true);
  const teasers = result.teasers.map((t) => squash(t.text));
  const dropped = result.dropped.map(squash);
  let leftover = '';
  while (teasers.length || dropped.length) {
    const t = teasers.length ? rest.indexOf(teasers[0]) : -1;
    const d = dropped.length ? rest.indexOf(dropped[0]) : -1;
    const takeTeaser = t !== -1 && (d === -1 || t <= d);
    const at = takeTeaser ? t : d;
    expect(at).not.toBe(-1);
    const item = takeTeaser ? teasers.shift()! : dropped.shift()!;
    leftover += rest.slice(0, at);
    rest = rest.slice(at + item.length);
  }
  expect(leftover + rest).toMatch(MARKER_REMAINS);
}

/** The result written back in raw form: headline, blank-line paragraphs, headers, then teasers with a marker. */
function rejoin(result: SplitResult): string {
  const parts = [...(result.title ? [result.title, ''] : []), result.body.join('\n\n'), ''];
  parts.push(...result.dropped, ...result.teasers.map((t) => (t.truncated ? `${t.text}…` : t.text)));
  return parts.join('\n');
}

// ---- generated articles ----
const word = fc.constantFrom(
  'council', 'river', 'harbour', 'minister', 'said', 'the', 'rose', 'fell', 'people', 'homes', 'about', 'more', 'than',
  'nearly', 'million', '200', '14,000', '£3.4m', '58.3%', '2019', 'Karvel', 'Oskeby', 'Tuesday', 'storm', 'police', 'votes',
  'plan', 'schools', 'and', 'in', 'of', 'up', 'to', 'three', '“quote”', 'km', 'over', 'after',
);
const sentence = fc.array(word, { minLength: 6, maxLength: 16 }).map((ws) => {
  const s = ws.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
});
const paragraph = fc.array(sentence, { minLength: 2, maxLength: 4 }).map((ss) => ss.join(' '));
const headline = fc.array(word, { minLength: 3, maxLength: 8 }).map((ws) => 'Headline ' + ws.join(' ').replace(/[.”]+$/, ''));
const lead = fc.array(word, { minLength: 6, maxLength: 12 }).map((ws) => 'Teaser ' + ws.join(' '));
const marker = fc.constantFrom('…', '...', ',…', ' […]', ' (…)', '… Read more');
const header = fc.constantFrom('Related', 'Read more:', 'More from Business', 'Lesen Sie auch', 'À lire aussi', 'Te puede interesar');

const article = fc.record({
  title: fc.option(headline, { nil: null }),
  // A lone hard-wrapped paragraph whose lines all end on a full stop is indistinguishable from one-line
  // paragraphs; real articles have more than one paragraph.
  body: fc.array(paragraph, { minLength: 2, maxLength: 8 }),
  teasers: fc.array(fc.tuple(lead, marker), { minLength: 1, maxLength: 8 }),
  header: fc.option(header, { nil: null }),
  layout: fc.constantFrom('lines', 'blank', 'wrapped'),
  width: fc.integer({ min: 50, max: 90 }),
  crlf: fc.boolean(),
  trailing: fc.constantFrom('', '  ', '\t'),
});

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...lines, line].join('\n');
}

type Article = typeof article extends fc.Arbitrary<infer A> ? A : never;

function render(a: Article): string {
  const body =
    a.layout === 'lines' ? a.body.join('\n') : a.layout === 'blank' ? a.body.join('\n\n') : a.body.map((p) => wrap(p, a.width)).join('\n\n');
  const lines = [
    ...(a.title ? [a.title, ...(a.layout === 'lines' ? [] : [''])] : []),
    body,
    ...(a.layout === 'lines' ? [] : ['']),
    ...(a.header ? [a.header] : []),
    ...a.teasers.map(([l, m]) => l + m),
  ];
  const text = lines.map((l) => l + a.trailing).join('\n') + '\n';
  return a.crlf ? text.replace(/\n/g, '\r\n') : text;
}

// ---- generated articles with page debris ----
// Debris of every kind, written for these tests: each must be set aside, wherever it stands between paragraphs.
const debris = fc.constantFrom(
  'Advertisement', 'Anzeige', 'Publicité', 'Publicidad', 'Share', 'Copy link', 'Listen to this article', '3 / 9',
  '12 images', '4 min read', '© 2026 The Example Herald. All rights reserved.', 'Tags: Weather, Harbours',
  'READ MORE: Ferry timetable changes from Monday', 'Lesen Sie auch: Neue Buslinie ab Mai', 'Sign up for our free morning newsletter',
  'Updated 09:14 GMT', 'Photo: Lina Moor/Example Herald', 'Join the conversation', '0 comments',
  'window.dataLayer = window.dataLayer || [];', 'View this post on Instagram', 'The pier at dawn. (Photo: Lina Moor/Example Herald)',
);
const masthead = fc.constantFrom('Skip to content', 'World', 'Politics', 'Updated 06:41 GMT', 'Share', 'Advertisement');
const noisyArticle = fc.record({
  top: fc.array(masthead, { maxLength: 3 }),
  title: fc.option(headline, { nil: null }),
  byline: fc.option(fc.constantFrom(['By Lina Moor', 'Lina Moor'], ['Von Jana Beispiel, dpa', 'Jana Beispiel'], ['By TOM VALE and Ana Ruiz | Example Herald', 'TOM VALE and Ana Ruiz']), { nil: null }),
  body: fc.array(fc.tuple(paragraph, fc.option(debris, { nil: null })), { minLength: 2, maxLength: 8 }),
  teasers: fc.array(fc.tuple(lead, marker), { minLength: 1, maxLength: 5 }),
  blank: fc.boolean(),
});
type NoisyArticle = typeof noisyArticle extends fc.Arbitrary<infer A> ? A : never;

function renderNoisy(a: NoisyArticle): string {
  const lines = [...a.top, ...(a.title ? [a.title] : []), ...(a.byline ? [a.byline[0]] : [])];
  for (const [p, d] of a.body) lines.push(p, ...(d ? [d] : []));
  return lines.join(a.blank ? '\n\n' : '\n') + '\n' + a.teasers.map(([l, m]) => l + m).join('\n') + '\n';
}

// PROPERTY_RUNS=2000 for a deeper search; the default keeps the suite fast.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };

describe('splitRawText properties', () => {
  it('never throws anything but a RawTextError on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        splitOrRefusal(s);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws anything but a RawTextError on strings made of separators, markers and digits', () => {
    const piece = fc.constantFrom('\n', '\r\n', ' ', '\t', '…', '...', '[…]', 'Read more', 'Related', '1,000', '2.5', '$3bn', 'a', 'A', '\u0000', '\uFEFF', '\u00A0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        splitOrRefusal(pieces.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but a RawTextError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          splitRawText(decodeRawText(bytes));
        } catch (error) {
          if (!(error instanceof RawTextError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles huge texts without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), fc.constantFrom('\n', ' ', '…\n', '\n\n'), (chunk, joint) => {
        splitOrRefusal(Array.from({ length: 20000 }, () => chunk).join(joint));
      }),
      { numRuns: 4 },
    );
  });

  it('loses nothing: every character lands in the title, body, a teaser, a dropped header or a marker', () => {
    fc.assert(
      fc.property(fc.oneof(article.map(render), fc.string({ unit: 'grapheme', maxLength: 300 })), (text) => {
        const result = splitOrRefusal(text);
        if (!(result instanceof RawTextError)) expectNothingLost(text, result);
      }),
      RUNS,
    );
  });

  it('recovers the headline, paragraphs and teasers of a generated article in any layout', () => {
    fc.assert(
      fc.property(article, (a) => {
        const result = splitRawText(render(a));
        expect(result.title).toBe(a.title);
        expect(result.body).toEqual(a.body);
        expect(result.teasers.map((t) => t.text)).toEqual(a.teasers.map(([l, m]) => (m.startsWith(',') ? l + ',' : l)));
        expect(result.dropped).toEqual(a.header ? [a.header] : []);
      }),
      RUNS,
    );
  });

  it('sets debris aside wherever it stands, and keeps every paragraph, the headline and the byline', () => {
    fc.assert(
      fc.property(noisyArticle, (a) => {
        const text = renderNoisy(a);
        const result = splitRawText(text);
        expect(result.title).toBe(a.title);
        expect(result.byline).toBe(a.byline ? a.byline[1] : null);
        expect(result.body).toEqual(a.body.map(([p]) => p));
        expect(result.boilerplate.map((b) => b.text)).toEqual([...a.top, ...a.body.flatMap(([, d]) => (d ? [d] : []))]);
        expectNothingLost(text, result);
      }),
      RUNS,
    );
  });

  it('is stable: splitting the rejoined result gives the same result', () => {
    fc.assert(
      fc.property(article.map(render), (text) => {
        const first = splitRawText(text);
        const second = splitRawText(rejoin(first));
        expect(second.title).toBe(first.title);
        expect(second.body).toEqual(first.body);
        expect(second.teasers).toEqual(first.teasers);
        expect(second.figures).toEqual(first.figures);
      }),
      RUNS,
    );
  });
});
