import { splitRawText } from '../../src/plugins/raw-import/core';
import type { BoilerplateKind } from '../../src/plugins/raw-import/core';

/** Page debris, rule by rule: each line is set aside with its kind, and the prose around it stays. */

const LEDE = 'The harbour board approved a new ferry terminal on Tuesday after a two-year review of the plans.';
const SECOND = 'Work on the terminal is due to start in the spring and will create about 180 jobs, the board said.';
const THIRD = 'Local businesses welcomed the decision, saying the old building had been too small for years.';

/** A small article with `line` between its second and third paragraphs. */
const withLine = (line: string) => [LEDE, SECOND, line, THIRD].join('\n');

function setAside(line: string): { kind: BoilerplateKind; body: string[] } | null {
  const result = splitRawText(withLine(line));
  const found = result.boilerplate.find((b) => b.text === line);
  return found ? { kind: found.kind, body: result.body } : null;
}

const CASES: Array<[BoilerplateKind, string[]]> = [
  ['advertisement', ['Advertisement', 'ADVERTISEMENT', 'Anzeige', 'Publicité', 'Publicidad', 'Story continues below advertisement']],
  ['navigation', ['Share', 'Copy link', 'Listen to this article', 'More images', '7 images', '3 / 9', '4 min read', 'Lesezeit: 4 Minuten', '×', 'Teilen', 'Partager', 'Compartir', 'Correo electrónico']],
  ['navigation', ['Home > News > Transport', 'Startseite › Verkehr › Häfen', 'Accueil > Société > Transports', 'Inicio / Local / Puerto']],
  ['navigation', ['We use cookies to improve your experience. By continuing you agree to our cookie policy.', 'Accept all', 'Reject all', 'Tout accepter', 'Paramétrer', 'Alle akzeptieren']],
  ['navigation', ['Follow us on Instagram @ExampleHerald', 'Folgen Sie uns auf Facebook', 'Suivez-nous sur X', 'Síguenos en WhatsApp']],
  ['navigation', ['FTSE 100 8,120.4 ▲ 0.3%', 'EUR/USD 1.0842 ▼ 0.1%']],
  ['comments', ['Join the conversation', '14 comments', '0 Kommentare', 'Réagir', '2 commentaires', 'Únete a la conversación', 'Comments (12)', 'View 7 comments', 'Comentarios (3)', 'Comments are closed for this article.']],
  ['copyright', ['© 2026 The Example Herald. All rights reserved.', 'Copyright 2026 Example Media', '© Agence Exemple 2026', 'Alle Rechte vorbehalten.']],
  ['tags', ['Tags: Ferries, Harbours, Transport', 'Themen: Verkehr, Hafen', 'Mots-clés : port, ferry', 'Etiquetas: Transporte, Puerto']],
  ['read-more', ['READ MORE: Ferry fares to rise in April', 'Related: How the old terminal was built', 'Lesen Sie auch: Neue Buslinie ab Mai', 'LIRE AUSSI : Le port en chiffres', 'Lea también: El puerto amplía su horario']],
  ['credit', ['Reporting by Lina Moor; Editing by Tom Vale', 'Photo: Lina Moor/Example Herald']],
  ['caption', ['The old terminal building on Monday. (Photo: Lina Moor/Example Herald)', 'Die alte Halle am Hafen. Foto: Paul Beispiel/nordpress', 'Image: An artist’s impression of the new terminal', 'The new pier seen from the water (Harbour Board)']],
  ['subscription', ['Déjà abonné ? Se connecter', 'Il vous reste 64 % de cet article à lire. La suite est réservée aux abonnés.', 'You have 2 free stories left this month. Subscribe from £1 a week to keep reading.', 'Recibir boletín', 'Sign up for our free morning newsletter', 'You have read 3 of your 5 free articles this month. Subscribe for unlimited access.', 'Jetzt den kostenlosen Newsletter abonnieren', 'Inscrivez-vous à notre newsletter', 'Suscríbete a nuestro boletín gratis']],
  ['script', ['window.dataLayer = window.dataLayer || [];', "googletag.cmd.push(function() { googletag.display('ad-1'); });", "_paq.push(['trackPageView']);"]],
  ['social-embed', ['Sunrise over the new pier 🌅 #PortAverly', '♬ original sound - Harbour Board', '— Harbour Board (@harbourboard) March 3, 2026', 'View this post on Instagram', 'A post shared by Harbour Board (@harbourboard)']],
  ['timestamp', ['Updated 06:41 GMT', 'Published 09:12 EST | Updated 11:40 EST', '28.10.2025, 14:32 Uhr', 'Publié le 12/03/2025 à 08h15', 'Actualizado 14/03/2025 22:47', 'Updated 2 hours ago']],
  ['dateline', ['KILMORRAN, Ireland —', 'VALDERRÍO (Murcia)', 'PORT AVERLY, March 3 (Example Wire) -']],
  ['timestamp', ['Publié le 3 avril 2026 à 07h15 - Mis à jour le 3 avril 2026 à 09h02', 'Published: 14:03 BST, 9 July 2026 | Updated: 16:47 BST, 9 July 2026']],
];

describe('page debris is set aside with its kind', () => {
  for (const [kind, lines] of CASES) {
    it.each(lines)(`sets aside "%s" as ${kind}`, (line) => {
      const found = setAside(line);
      expect(found).toEqual({ kind, body: [LEDE, SECOND, THIRD] });
    });
  }

  it('reports the 1-based line a set-aside line starts on', () => {
    const result = splitRawText(['Advertisement', LEDE, SECOND, 'Share', THIRD].join('\n'));
    expect(result.boilerplate).toEqual([
      { text: 'Advertisement', kind: 'advertisement', line: 1 },
      { text: 'Share', kind: 'navigation', line: 4 },
    ]);
    expect(result.bodyLines).toEqual([2, 3, 5]);
  });

  it('sets aside a caption above its photo credit', () => {
    const caption = 'Crews clear the old pier on Monday afternoon.';
    const result = splitRawText([LEDE, SECOND, caption, 'Photo: Lina Moor/Example Herald', THIRD].join('\n'));
    expect(result.boilerplate.map((b) => [b.text, b.kind])).toEqual([
      [caption, 'caption'],
      ['Photo: Lina Moor/Example Herald', 'credit'],
    ]);
    expect(result.body).toEqual([LEDE, SECOND, THIRD]);
  });

  it('sets aside an embedded post’s text above its signature', () => {
    const post = 'What a day for the harbour! Thank you all 💙';
    const result = splitRawText([LEDE, SECOND, post, '— Harbour Board (@harbourboard) March 3, 2026', THIRD].join('\n'));
    expect(result.boilerplate.map((b) => b.kind)).toEqual(['social-embed', 'social-embed']);
    expect(result.body).toEqual([LEDE, SECOND, THIRD]);
  });

  it('sets aside an in-article "Most read" box with its links, until the prose resumes', () => {
    const box = ['Most read', 'Council approves the new harbour budget', 'Ferry fares to rise in April'];
    const result = splitRawText([LEDE, SECOND, ...box, THIRD].join('\n'));
    expect(result.boilerplate.map((b) => [b.text, b.kind])).toEqual(box.map((text) => [text, 'read-more']));
    expect(result.body).toEqual([LEDE, SECOND, THIRD]);
  });

  it('sets aside a topics list and an "About the author" box', () => {
    const result = splitRawText([LEDE, SECOND, THIRD, 'About the author', 'Lina Moor is the transport editor of the Example Herald.', 'Topics', 'Ferries', 'Harbours'].join('\n'));
    expect(result.boilerplate.map((b) => b.kind)).toEqual(['bio', 'bio', 'tags', 'tags', 'tags']);
    expect(result.body).toEqual([LEDE, SECOND, THIRD]);
  });

  it('sets aside a newsletter box: its title, its pitch and its button', () => {
    const result = splitRawText([LEDE, SECOND, 'Newsletter Port Averly', 'Recevez chaque matin l’essentiel de l’actualité locale.', 'S’inscrire', THIRD].join('\n'));
    expect(result.boilerplate.map((b) => b.kind)).toEqual(['subscription', 'subscription', 'subscription']);
    expect(result.body).toEqual([LEDE, SECOND, THIRD]);
  });

  it('sets aside the author’s bio at the end', () => {
    const text = ['By Lina Moor', LEDE, SECOND, THIRD, 'Lina Moor covers transport for The Example Herald.'].join('\n');
    const result = splitRawText(text);
    expect(result.boilerplate).toEqual([{ text: 'Lina Moor covers transport for The Example Herald.', kind: 'bio', line: 5 }]);
    expect(result.body).toEqual([LEDE, SECOND, THIRD]);
  });

  it('sets aside a copyright line right above the teaser block', () => {
    const text = [LEDE, SECOND, '© Example Herald 2026', 'Storm closes the coastal road between the two villages for a…', 'A new bakery opens in the old station building after…'].join('\n');
    const result = splitRawText(text);
    expect(result.boilerplate.map((b) => b.kind)).toEqual(['copyright']);
    expect(result.teasers).toHaveLength(2);
    expect(result.dropped).toEqual([]);
  });

  it('never takes figures from debris', () => {
    const result = splitRawText(withLine('The old terminal, where 40 boats moor. (Photo: Lina Moor/Example Herald)'));
    expect(result.figures.map((f) => f.value)).toEqual([180]);
  });
});

describe('prose stays in the body when no rule names it', () => {
  it.each([
    ['a one-sentence quote paragraph', '"It was not enough."'],
    ['a short sentence', 'It was not enough.'],
    ['a subhead', 'What happens next'],
    ['a correction note', 'This story has been corrected to show that the review took two years, not three.'],
    ['an editor’s note', 'This is a developing story and will be updated.'],
    ['a report about subscribers', 'The paper said it had lost 2,000 subscribers since it raised its price in March.'],
    ['a sentence that starts with "By"', 'By Tuesday evening, about 300 people had signed the petition.'],
    ['a sentence about a newsletter', 'The board said it would publish the plans in its newsletter next week.'],
    ['a sentence ending in brackets', 'The terminal will be run by the port authority (PA), the board said.'],
    ['a sentence naming a photographer', 'The photographer Lina Moor has documented the harbour for 20 years.'],
    ['a story about a bakery’s cookies', 'The bakery sells about 400 cookies a day, and customers agree they are the best in town.'],
    ['a sentence about a cookie policy', 'The regulator said the site’s cookie policy broke the law, and fined the company.'],
    ['a sentence with a path-like slash', 'Fares rose on the Port Averly / Skerrin route, the operator said.'],
    ['a sentence about share prices', 'Share prices in the ferry operator fell 4% after the announcement.'],
    ['a sentence quoting a hashtag in prose', 'Residents shared pictures of the pier under the hashtag #NewPier.'],
  ])('keeps %s', (_case, line) => {
    const result = splitRawText(withLine(line));
    expect(result.body).toEqual([LEDE, SECOND, line, THIRD]);
    expect(result.boilerplate).toEqual([]);
  });
});

describe('editor overrides', () => {
  it('brings a set-aside line back into the body and sets a body paragraph aside', () => {
    const text = [LEDE, SECOND, 'Advertisement', THIRD].join('\n');
    const result = splitRawText(text, { overrides: { keep: [3], setAside: [2] } });
    expect(result.body).toEqual([LEDE, 'Advertisement', THIRD]);
    expect(result.bodyLines).toEqual([1, 3, 4]);
    expect(result.boilerplate).toEqual([{ text: SECOND, kind: 'editor', line: 2 }]);
  });

  it('takes figures only from the body the editor chose', () => {
    const result = splitRawText([LEDE, SECOND, THIRD].join('\n'), { overrides: { setAside: [2] } });
    expect(result.figures).toEqual([]);
  });

  it('ignores lines that are neither body nor set aside', () => {
    const result = splitRawText([LEDE, SECOND].join('\n'), { overrides: { keep: [99], setAside: [42] } });
    expect(result.body).toEqual([LEDE, SECOND]);
  });
});
