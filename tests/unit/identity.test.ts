import fc from 'fast-check';
import {
  bandKeys,
  candidateProbability,
  decodeSignature,
  encodeSignature,
  estimateSimilarity,
  fingerprintInput,
  isNearDuplicate,
  similaritySignature,
  LSH_BANDS,
  MIN_WORDS,
  NEAR_DUPLICATE_THRESHOLD,
  SIGNATURE_FORMAT,
  SIGNATURE_SIZE,
} from '../../src/plugins/raw-import/core';
import { fnv1a, hashValues } from '../../src/plugins/raw-import/core/identity/hash';
import { WORD_PATTERN, wordHashes } from '../../src/plugins/raw-import/core/identity/words';

const PIER = [
  'The harbour board in Kestle Bay voted on Tuesday to close the old north pier for eighteen months, after divers found cracks in three of its twelve concrete piles during a routine survey in March.',
  'Repairs are expected to cost £4.2m, which the board will meet from its reserves and a loan from the county council. Fishing boats that now land at the north pier will move to the south quay while the work goes on.',
  '“We would rather close it now than wait for a piece to fall into the water,” said Ruth Almeida, who chairs the board. She added that the pier had last been repaired in 1987.',
  'Skippers said the move would add about forty minutes to each trip to the fish market, and asked the board to keep the ice plant on the north side open until the end of the season.',
];

const CYCLE_PATH = [
  'A new cycle path linking Ormsby station to the university campus opened on Monday, two years later than planned and £600,000 over its original budget of £1.9m.',
  'The 3.4km route runs along the disused railway line and includes a lit underpass beneath the ring road, which the city says will be patrolled at night.',
  'Students’ union officers welcomed the path but said more secure bike parking was needed at the campus end, where racks for 120 bicycles are already full by nine in the morning.',
];

// Three issues of each template, with different slot values.
const MARKETS = [
  [
    'The FTSE 100 rose 0.6% to 7,912.4 on Tuesday, lifted by mining shares as copper prices climbed. The FTSE 250 added 0.3% to 19,804.1.',
    'Sterling was up 0.2% at $1.2731 and down 0.1% at €1.1652. Brent crude gained 1.1% to $82.40 a barrel.',
    'Among the risers, Dalmore Metals jumped 4.8% after raising its output forecast, while Fenwick Retail fell 3.2% on weak Christmas sales.',
  ],
  [
    'The FTSE 100 fell 0.4% to 7,880.9 on Wednesday, dragged down by bank shares as bond yields rose. The FTSE 250 lost 0.7% to 19,665.2.',
    'Sterling was down 0.3% at $1.2694 and up 0.2% at €1.1678. Brent crude slipped 0.8% to $81.75 a barrel.',
    'Among the fallers, Harlow Bank dropped 2.9% after a broker downgrade, while Quayside Homes rose 1.7% on strong reservations.',
  ],
  [
    'The FTSE 100 rose 0.2% to 7,897.3 on Thursday, lifted by energy shares as oil prices recovered. The FTSE 250 added 0.1% to 19,688.0.',
    'Sterling was up 0.1% at $1.2708 and up 0.1% at €1.1690. Brent crude gained 1.4% to $82.89 a barrel.',
    'Among the risers, Northsea Oil jumped 3.6% after a new field came on stream, while Fenwick Retail fell 1.2% on a profit warning.',
  ],
];

const WEATHER = [
  [
    'Thursday will be cloudy across Northern Ireland with outbreaks of rain spreading east during the morning. Highs of 11C in Belfast and 9C in Enniskillen.',
    'Winds will be fresh from the south-west, gusting to 45mph on exposed coasts. Tonight will be clearer, with lows of 3C and a risk of frost in sheltered spots. Sunrise 07:41, sunset 16:22.',
  ],
  [
    'Friday will be bright across Northern Ireland with scattered showers spreading north during the afternoon. Highs of 13C in Belfast and 12C in Derry.',
    'Winds will be light from the west, gusting to 25mph on exposed coasts. Tonight will be cloudy, with lows of 6C and patchy fog in sheltered spots. Sunrise 07:43, sunset 16:20.',
  ],
  [
    'Saturday will be cloudy across Northern Ireland with outbreaks of rain spreading east during the evening. Highs of 10C in Belfast and 8C in Omagh.',
    'Winds will be strong from the south, gusting to 60mph on exposed coasts. Tonight will be wet, with lows of 5C and a risk of flooding in low-lying spots. Sunrise 07:45, sunset 16:18.',
  ],
];

const FOOTBALL = [
  [
    'Dunmore Rovers beat Castleford Town 3-1 at Mill Lane on Saturday, with Okafor scoring twice before half-time in front of 6,412 supporters.',
    'Results: Dunmore Rovers 3-1 Castleford Town; Ashby United 0-0 Kerrow City; Port Aden 1-2 Hallam Athletic; Brackley 2-2 Wexcombe.',
    'Dunmore move up to third, two points behind the leaders Hallam Athletic.',
  ],
  [
    'Kerrow City beat Brackley 2-0 at the Rookery on Saturday, with Lindqvist scoring twice after half-time in front of 4,087 supporters.',
    'Results: Kerrow City 2-0 Brackley; Hallam Athletic 1-1 Dunmore Rovers; Wexcombe 3-2 Ashby United; Castleford Town 0-1 Port Aden.',
    'Kerrow move up to fifth, four points behind the leaders Hallam Athletic.',
  ],
  [
    'Port Aden beat Ashby United 4-2 at Harbour Road on Saturday, with Baptiste scoring twice before half-time in front of 3,950 supporters.',
    'Results: Port Aden 4-2 Ashby United; Castleford Town 1-1 Kerrow City; Brackley 0-3 Hallam Athletic; Wexcombe 2-1 Dunmore Rovers.',
    'Port Aden move up to second, one point behind the leaders Hallam Athletic.',
  ],
];

const signatureOf = (body: string[]) => {
  const signature = similaritySignature(body);
  if (!signature) throw new Error('expected a signature');
  return signature;
};
const similarity = (a: string[], b: string[]) => estimateSimilarity(signatureOf(a), signatureOf(b));
const shareBandKey = (a: string[], b: string[]) => {
  const keys = new Set(bandKeys(signatureOf(a)));
  return bandKeys(signatureOf(b)).some((key) => keys.has(key));
};
/** What the importer does: candidates by band key, then the threshold on the estimate. */
const flagged = (a: string[], b: string[]) => shareBandKey(a, b) && isNearDuplicate(similarity(a, b));
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('fingerprintInput', () => {
  it('is the canonical text: folded quotes, dashes and ellipses, one space, lower case, paragraphs joined by a space', () => {
    expect(fingerprintInput(['  “It’s   done,” she said — at 9.30am.', 'Next\u00A0line…'])).toBe(
      '"it\'s done," she said - at 9.30am. next line...',
    );
  });

  it('is the same whatever the whitespace: tabs, runs of spaces, no-break spaces, line breaks inside a paragraph', () => {
    const spaced = PIER.map((p) => p.replace(/ /g, '  ').replace(/, /g, ',\t').replace(/ the /g, '\u00A0the\n'));
    expect(fingerprintInput(spaced)).toBe(fingerprintInput(PIER));
  });

  it('is the same in NFC and NFD', () => {
    const nfc = ['Le café de la Mairie à Sérignan rouvre après des travaux qui ont duré 14 mois.'];
    expect(fingerprintInput(nfc.map((p) => p.normalize('NFD')))).toBe(fingerprintInput(nfc));
    expect(fingerprintInput(nfc.map((p) => p.normalize('NFD')))).toContain('café');
  });

  it('is the same with curly or straight quotes and apostrophes, and with dashes typed as "--"', () => {
    const typed = ['"We would rather close it now," said the board\'s chair -- who was not alone.'];
    const typeset = ['“We would rather close it now,” said the board’s chair — who was not alone.'];
    expect(fingerprintInput(typeset)).toBe(fingerprintInput(typed));
  });

  it('is the same whether the body was split into paragraphs at other places (hard wrap read as paragraphs)', () => {
    const wrapped = PIER.flatMap((p) => [p.slice(0, p.indexOf(' ', 60)), p.slice(p.indexOf(' ', 60) + 1)]);
    expect(wrapped).toHaveLength(8);
    expect(fingerprintInput(wrapped)).toBe(fingerprintInput(PIER));
  });

  it('ignores letter case, empty paragraphs, invisible soft hyphens and zero-width spaces', () => {
    expect(fingerprintInput(['THE HARBOUR BOARD', '', '  ', 'vo\u00ADted to\u200B close'])).toBe('the harbour board voted to close');
  });

  it('changes when one number is corrected', () => {
    const corrected = PIER.map((p) => p.replace('£4.2m', '£4.3m'));
    expect(fingerprintInput(corrected)).not.toBe(fingerprintInput(PIER));
  });

  it('changes when a word is changed', () => {
    expect(fingerprintInput(['The pier will close.'])).not.toBe(fingerprintInput(['The pier will reopen.']));
  });
});

describe('similaritySignature', () => {
  it(`is null for a body of fewer than ${MIN_WORDS} words, and a signature of ${SIGNATURE_SIZE} slots from ${MIN_WORDS} on`, () => {
    expect(MIN_WORDS).toBe(25);
    expect(similaritySignature([words(24)])).toBeNull();
    expect(similaritySignature([words(12), words(12)])).toBeNull();
    expect(similaritySignature([words(25)])).toHaveLength(256);
    expect(similaritySignature([])).toBeNull();
  });

  it('is the same for the same body in another layout (whitespace, quotes, NFD, paragraph breaks, case)', () => {
    const relaid = [PIER.slice(0, 2).join('\n'), ...PIER.slice(2).map((p) => p.replace(/[“”]/g, '"').toUpperCase().normalize('NFD'))];
    expect(Array.from(signatureOf(relaid))).toEqual(Array.from(signatureOf(PIER)));
  });

  it('is pinned: the stored format of a fixed body does not change', () => {
    const signature = signatureOf(PIER);
    expect(Array.from(signature.slice(0, 8))).toEqual([
      0x8019784b, 0x8003d9af, 0x855211bb, 0x85a6351b, 0x826dba3a, 0x80fbb13f, 0x806ee995, 0x870b9e11,
    ]);
    expect(signature[255]).toBe(2256831500);
    // A checksum over all 256 slots, so a change anywhere is noticed.
    expect(Array.from(signature).reduce((acc, v) => (Math.imul(acc, 31) + v) >>> 0, 0)).toBe(1851032170);
    expect(bandKeys(signature).slice(0, 4)).toEqual(['0:b33c5d1b', '1:ce710e65', '2:0ae687fa', '3:b4310cd8']);
    expect(encodeSignature(signature).slice(0, 40)).toBe('mh1:S3gZgK/ZA4C7EVKFGzWmhTq6bYI/sfuAlelu');
  });

  it('keeps a body with one number corrected very similar, though its fingerprint differs', () => {
    const corrected = PIER.map((p) => p.replace('£4.2m', '£4.3m'));
    expect(similarity(PIER, corrected)).toBe(0.93359375);
    expect(flagged(PIER, corrected)).toBe(true);
  });
});

describe('near-duplicates', () => {
  it('flags a four-paragraph story from another outlet with one paragraph rewritten', () => {
    const elsewhere = [
      PIER[0],
      PIER[1],
      'Board chair Ruth Almeida told reporters that shutting the structure at once was better than risking chunks of concrete dropping into the sea, noting that its last repair dates from 1987.',
      PIER[3],
    ];
    expect(similarity(PIER, elsewhere)).toBe(0.54296875);
    expect(shareBandKey(PIER, elsewhere)).toBe(true);
    expect(flagged(PIER, elsewhere)).toBe(true);
  });

  it('may miss a three-paragraph story with its middle paragraph rewritten: similar enough, but not always a candidate', () => {
    const elsewhere = [
      CYCLE_PATH[0],
      'Built on the old railway track, the route is 3.4km long and passes under the ring road through an underpass with lighting that city staff will check after dark.',
      CYCLE_PATH[2],
    ];
    expect(similarity(CYCLE_PATH, elsewhere)).toBe(0.375);
    expect(isNearDuplicate(similarity(CYCLE_PATH, elsewhere))).toBe(true);
    // At 0.375 two bodies share a band key with probability 1 - (1 - 0.375^4)^64 ≈ 0.72; these do not.
    expect(candidateProbability(0.375).toFixed(2)).toBe('0.72');
    expect(shareBandKey(CYCLE_PATH, elsewhere)).toBe(false);
  });

  it('does not flag two different stories', () => {
    expect(similarity(PIER, CYCLE_PATH)).toBe(0);
    expect(flagged(PIER, CYCLE_PATH)).toBe(false);
  });

  it.each([
    ['daily markets reports', MARKETS],
    ['weather forecasts', WEATHER],
    ['football results', FOOTBALL],
  ])('does not flag %s with other slot values (figures, names, places) against each other', (_, family) => {
    const pairs = [
      [0, 1],
      [0, 2],
      [1, 2],
    ];
    expect(pairs.map(([i, j]) => flagged(family[i], family[j]))).toEqual([false, false, false]);
  });

  it('rates a body against itself 1 and signatures of different sizes 0', () => {
    expect(similarity(PIER, PIER)).toBe(1);
    expect(estimateSimilarity(signatureOf(PIER), new Uint32Array(128))).toBe(0);
  });

  it(`puts the threshold at ${NEAR_DUPLICATE_THRESHOLD}, inclusive`, () => {
    expect(NEAR_DUPLICATE_THRESHOLD).toBe(0.33);
    expect(isNearDuplicate(0.33)).toBe(true);
    expect(isNearDuplicate(0.32)).toBe(false);
  });
});

describe('bandKeys', () => {
  it(`gives ${LSH_BANDS} keys "band:8 hex digits", at most 11 characters, band number first`, () => {
    const keys = bandKeys(signatureOf(PIER));
    expect(keys).toHaveLength(64);
    expect(keys.every((key, band) => new RegExp(`^${band}:[0-9a-f]{8}$`).test(key))).toBe(true);
    expect(Math.max(...keys.map((key) => key.length))).toBe(11);
  });

  it('gives the same keys for the same body in another layout', () => {
    expect(bandKeys(signatureOf(PIER.map((p) => p.toUpperCase())))).toEqual(bandKeys(signatureOf(PIER)));
  });

  it('refuses a signature of another size', () => {
    expect(() => bandKeys(new Uint32Array(64))).toThrow(RangeError);
  });

  it('makes bodies of similarity 0.6 candidates 99.99% of the time, of 0.5 98%, and of 0.1 under 1%', () => {
    expect(candidateProbability(0.6).toFixed(4)).toBe('0.9999');
    expect(candidateProbability(0.5).toFixed(3)).toBe('0.984');
    expect(candidateProbability(0.1).toFixed(4)).toBe('0.0064');
  });
});

describe('encodeSignature and decodeSignature', () => {
  const signature = signatureOf(PIER);
  const encoded = encodeSignature(signature);

  it('round-trips a signature through 1,372 characters of text', () => {
    expect(encoded).toHaveLength(1372);
    expect(encoded.startsWith(SIGNATURE_FORMAT)).toBe(true);
    expect(encoded.endsWith('==')).toBe(true);
    expect(Array.from(decodeSignature(encoded)!)).toEqual(Array.from(signature));
  });

  it('round-trips any signature', () => {
    fc.assert(
      fc.property(fc.uint32Array({ minLength: 256, maxLength: 256 }), (slots) => {
        expect(Array.from(decodeSignature(encodeSignature(slots))!)).toEqual(Array.from(slots));
      }),
      { numRuns: 50 },
    );
  });

  it.each([
    ['an empty text', ''],
    ['a word', 'garbage'],
    ['another format tag', `mh2:${encoded.slice(4)}`],
    ['no format tag', encoded.slice(4)],
    ['a truncated text', encoded.slice(0, -4)],
    ['a text one character too long', `${encoded}A`],
    ['a character outside base64', `${encoded.slice(0, 100)}!${encoded.slice(101)}`],
    ['a non-ASCII character', `${encoded.slice(0, 100)}é${encoded.slice(101)}`],
    ['padding inside the text', `${encoded.slice(0, 100)}=${encoded.slice(101)}`],
    ['a letter where padding belongs', `${encoded.slice(0, -1)}A`],
    ['stray bits after the last byte', `${encoded.slice(0, -3)}B==`],
  ])('rejects %s with null', (_, text) => {
    expect(decodeSignature(text)).toBeNull();
  });

  it('rejects what is not a string with null', () => {
    expect(decodeSignature(null as unknown as string)).toBeNull();
    expect(decodeSignature(42 as unknown as string)).toBeNull();
  });

  it('refuses to encode a signature of another size', () => {
    expect(() => encodeSignature(new Uint32Array(8))).toThrow(RangeError);
  });
});

describe('hashes and words (the stored format rests on them)', () => {
  it('hashes a word with FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('combines 32-bit values with murmur3 x86_32', () => {
    // The published murmur3_32 test vectors: "" with seed 1, four zero bytes with seed 0, and "aaaa" and
    // "abcd" (as little-endian blocks) with seed 0x9747b28c.
    expect(hashValues([], 0, 0, 1)).toBe(0x514e28b7);
    expect(hashValues([0], 0, 1, 0)).toBe(0x2362f9de);
    expect(hashValues([0x61616161], 0, 1, 0x9747b28c)).toBe(0x5a97808a);
    expect(hashValues([0x64636261], 0, 1, 0x9747b28c)).toBe(0xf0478627);
  });

  it('reads words with their inner punctuation, currency and percent signs', () => {
    const text = 'don\'t "long-awaited" $13bn, £4.2m 7,512 up 0.5%; (u.s.) -- 3-1 end.';
    expect(text.match(WORD_PATTERN)).toEqual(["don't", 'long-awaited', '$13bn', '£4.2m', '7,512', 'up', '0.5%', 'u.s', '3-1', 'end']);
    expect(wordHashes(text)).toEqual(text.match(WORD_PATTERN)!.map((word) => fnv1a(word)));
  });

  it('finds exactly the words WORD_PATTERN finds, in any text', () => {
    const pieces = ['a', 'Z', '7', ' ', "'", '.', ',', '-', '%', '$', '£', '€', 'é', 'e\u0301', '😀', '𝐀', '\uD800', '!', '"', '\u00A0'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(wordHashes(text)).toEqual((text.match(WORD_PATTERN) ?? []).map((word) => fnv1a(word)));
      }),
      { numRuns: 2000 },
    );
  });
});
