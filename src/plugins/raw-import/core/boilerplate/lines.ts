import type { BoilerplateKind } from '../types';
import { countWordsUpTo, escapeRegExp } from '../text';
import { isTimestamp, isStandaloneDateline } from './timestamps';
import {
  ADVERTISEMENT, COMMENTS, CREDIT_LEADS, NAVIGATION, PHOTO_WORDS, READ_MORE_LEADS, SECTIONS, TAG_LEADS,
} from './vocabulary';

/**
 * Page debris recognised by the line alone. Each rule names a kind and is narrow on purpose: a line
 * that matches none stays in the body (a one-sentence quote, a subhead, a correction note).
 */

const leads = (words: string[]) => words.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|');

// Decoration around a label: "» Share", "— Advertisement —", "[Anzeige]".
const DECORATION = /^[\s#*=>\-–—|•·»›\[(]+|[\s#*=<\-–—|•·»›\])]+$/gu;
const bare = (line: string) => line.replace(DECORATION, '').replace(/\s*[:.!]$/, '').toLowerCase();

const NAVIGATION_SET = new Set(NAVIGATION);
const ADVERTISEMENT_SET = new Set(ADVERTISEMENT);
const COMMENTS_SET = new Set(COMMENTS);
const SECTION_SET = new Set(SECTIONS);

// "7 images", "12 photos", "3 Bilder"; "1 / 12", "2 of 8" (a gallery counter); "4 min", "4 min read".
const IMAGE_COUNT = /^\d{1,3}\s+(?:images?|photos?|pictures?|slides?|bilder|fotos?|imágenes|vidéos?|videos?)$/iu;
const GALLERY_COUNTER = /^(?:(?:image|photo|bild|foto|imagen)\s+)?\d{1,3}\s*(?:\/|of|von|sur|de)\s*\d{1,3}$/iu;
const READING_TIME =
  /^(?:(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\s*:?\s*)?(?:about\s+|ca\.\s+)?\d{1,3}\s*(?:min(?:s|utes?|uten|\.)?|minutos?)(?:\s+(?:read|reading|lesezeit|de lecture|de lectura|lesen))?$/iu;
const COMMENT_COUNT =
  /^(?:(?:view|show|read|see|load|ver|voir|afficher|alle|mostrar|leer)\s+)?(?:all\s+|les\s+|los\s+)?(?:\d{1,6}\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|réactions?|reactions?|replies)(?:\s+(?:anzeigen|lesen|ansehen))?(?:\s*\(\d{1,6}\))?$/iu;
const LONE_SYMBOL = /^[×✕✖︎✗⨯•·|…>»›]+$/u;

const TAGS = new RegExp(`^(?:${leads(TAG_LEADS)})\\s*:\\s*\\S`, 'iu');
const READ_MORE = new RegExp(`^[\\s»›>\\-–—•]*(?:${leads(READ_MORE_LEADS)})\\s*(?::|»|›|>|\\||–|—)\\s*\\S`, 'iu');
const CREDIT = new RegExp(`^\\(?(?:${leads(CREDIT_LEADS)})(?![\\p{L}\\p{N}_])`, 'iu');
const PHOTO_LEAD = new RegExp(`^(?:${leads(PHOTO_WORDS)})\\s?:\\s*\\S|^(?:image|photo|picture|video|media) (?:caption|source|credit),\\s\\S`, 'iu');
// Credits that end a caption, each tried only when the line's last characters can hold it:
// "… (Photo: Ines Palk/Continental Wire)", "… (AP Photo/Jane Doe)", "… Foto: Paul Zeiler/nordpress",
// "… © AFP", "… Semi Rokotuiloma/Coastline News", "… — Getty Images".
const PHOTO = leads(PHOTO_WORDS);
const CREDIT_IN_PHOTO_BRACKETS = new RegExp(`\\((?:${PHOTO})\\s?:[^()]{2,80}\\)$|\\((?:AP|AFP|Reuters|EPA|dpa|Getty)[^()]{0,60}\\)$`, 'iu');
const CREDIT_AFTER_SENTENCE = new RegExp(`[.!?]\\s+(?:${PHOTO})\\s?:\\s[^.!?]{2,80}$`, 'iu');
const COPYRIGHT_AFTER_SENTENCE = /[.!?]\s+©\s?\p{L}[^.!?]{1,60}$/u;
const NAME_SLASH_OUTLET =
  /(?:[.!?]\s+\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’.-]*){0,3}\s?\/\s?\p{Lu}[\p{L}&'’ -]{1,40}|(?<![\p{L}\p{N}_])(?:REUTERS|AP Photo)\/[\p{L} .-]+)$/u;
const AGENCY_AT_END = /(?:(?<![\p{L}\p{N}_])(?:Getty Images|Shutterstock|Alamy)|\s[—–-]\s(?:AFP|Reuters|AP|EPA|dpa))$/u;

// "The 4.2-metre telescope on La Palma (Halden Observatory)": a caption with its credit in brackets, no full stop.
const CREDIT_IN_BRACKETS = /^[^]{12,240}[^.!?:;…"”’]\s\((?:[\p{Lu}][\p{L}\p{N}.'’&/-]*(?:\s+|\/|(?=\))))+\)$/u;

const COPYRIGHT_SIGN = /^(?:©|\(c\)\s|℗)/iu;
// "Copyright 2026 Example Media", "Copyright © The Herald": the word alone may open a sentence about copyright.
const COPYRIGHT_WORD = /^copyright\s+(?:©|\(c\)|\d{4})/iu;
const COPYRIGHT_OWNER = /^copyright\s+\p{Lu}/u;
const REPORTED = /\b(?:said|says|told|wrote|argued|ruled|sagte|erklärte|a déclaré|selon|dijo|según)(?![\p{L}\p{N}_])/iu;
const RIGHTS =
  /\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|republished with permission|reproduced with permission|may not be (?:published|reproduced|redistributed)|nachdruck nur mit genehmigung|reproduction interdite)(?![\p{L}\p{N}_])/iu;

// Prompts to subscribe, sign up or log in; at most a few dozen words, never a quotation.
// Phrases only a prompt uses: enough on their own.
const PROMPT_PHRASES =
  /\b(?:you(?:'|’)?ve read \d+|you have read \d+|you have \d+ free|free (?:articles?|stories) (?:left|remaining)|already a (?:subscriber|member)|to continue reading|to keep reading|for subscribers only|exclusive to subscribers|subscribers only|support (?:our|independent) journalism|become a (?:member|subscriber)|sign up for (?:our|the)|subscribe (?:now|today|for|from|to our)|kostenlosen? artikeln?|jetzt (?:abonnieren|anmelden|registrieren|testen|weiterlesen|abo)|nur für abonnenten|bereits abonnent|schon abonnent|réservée? aux abonnés|déjà abonné|il vous reste \d+|je m['’]abonne|abonnez-vous|inscrivez-vous|hazte suscriptor|exclusivo para suscriptores|ya eres suscriptor|suscríbete|contenido exclusivo|(?:try|get|enjoy) unlimited access|unlimited digital access|complete digital access|cancel anytime|cancel at any time|free trial|your trial|got a tip|jederzeit kündbar|alle artikel lesen|weiterlesen mit|sans engagement|offre d['’]essai|suscripción digital|accede sin límites)(?![\p{L}\p{N}_])/iu;
// Topic words of a prompt, which need a reader addressed or an imperative as well.
const PROMPT_TOPICS =
  /\b(?:newsletters?|inbox|boîte mail|subscribe|subscription|subscriber|sign up|log in|sign in|register|abo|abonnement|abonnieren|abonnent(?:en|in)?|anmelden|abonné|abonner|inscri(?:re|vez)|s['’]inscrire|suscri(?:bir|pción|ptor)|boletín|regístrate)(?![\p{L}\p{N}_])/iu;
// A prompt speaks to the reader, or opens with an imperative: a report about subscriptions does neither.
const ADDRESSES_READER =
  /\b(?:you|your|yours|sie|ihr|ihre|ihnen|dich|du|dein|deine|vous|votre|vos|tu|ton|ta|tes|usted|tus|su|ihrem|ihren|euch|vuestro|vuestra)(?![\p{L}\p{N}_])/iu;
const IMPERATIVE_START =
  /^(?:sign up|subscribe|get|join|register|log in|sign in|enjoyed|enjoy|support|become|try|don['’]t miss|jetzt|hier|abonnieren|melden sie|registrieren|lesen sie|recevez|inscrivez|abonnez|rejoignez|profitez|suscríbete|suscríbase|regístrate|regístrese|recibe|únete|apúntate|no te pierdas|hazte)(?![\p{L}\p{N}_])/iu;
const MAX_PROMPT_WORDS = 40;
// A quotation in the article mentions subscriptions; a prompt does not open with one.
const QUOTED = /^["“„«]/u;

// Leaked script and tracking code: assignments, calls and braces, with more code punctuation than prose has.
const SCRIPT_START =
  /^(?:<\/?[a-z][^>]*>|window\.|document\.|var\s|let\s|const\s|function\s*\(|\(function|if\s*\(|googletag\.|dataLayer|_paq|gtag\(|fbq\(|_gaq|\$\(|jQuery|\{|\}|\/\/\s|\/\*)/u;
const CODE_CHAR = new Uint8Array(128);
for (const c of '{}();=<>[]') CODE_CHAR[c.charCodeAt(0)] = 1;

// Embedded posts: "— Name (@handle) March 3, 2025", "View this post on Instagram", "A post shared by …".
const EMBED_SIGNATURE = /^[—–-]\s*[^()]{1,80}\(@[\w.]{1,40}\)\s*.{0,40}$/u;
const EMBED_LINES =
  /^(?:view this post on (?:instagram|facebook|x|twitter|tiktok|threads)|a post shared by(?![\p{L}\p{N}_])|(?:view|see) (?:on|this post on) (?:instagram|x|twitter)|voir cette publication sur \w+|une publication partagée par(?![\p{L}\p{N}_])|ver esta publicación en \w+|una publicación compartida (?:por|de)(?![\p{L}\p{N}_])|ver en instagram|diesen beitrag auf \w+ ansehen|ein beitrag geteilt von(?![\p{L}\p{N}_])|beitrag auf instagram ansehen)/iu;
const EMBED_LINK = /(?<![\p{L}\p{N}_])pic\.twitter\.com\/\w+|(?<![\p{L}\p{N}_])t\.co\/\w+|https?:\/\/(?:www\.)?(?:instagram\.com|twitter\.com|x\.com|tiktok\.com)\//iu;

// "Home > News > Politics", "Startseite › Wirtschaft", "Inicio / Deportes / Fútbol": a breadcrumb trail.
const BREADCRUMB_SEPARATOR = /\s+(?:>|›|»|\/|\||→)\s+/u;
const BREADCRUMB_HOME = /^(?:home|start|startseite|accueil|inicio|portada|news)$/iu;
// Cookie banners: "We use cookies to…", "Nous utilisons des cookies…", "Utilizamos cookies…".
const COOKIES = /\bcookies?(?![\p{L}\p{N}_])/iu;
// A banner is the site speaking to the reader; a story about cookies or a cookie policy reports it.
const COOKIE_BANNER =
  /^by continuing to (?:browse|use)|^(?:we|this (?:web)?site|our (?:web)?site|nous|ce site|wir|diese (?:web)?seite|unsere (?:web)?seite|utilizamos|usamos|este sitio|esta web)\s.*cookies?|cookies?.*\s(?:you|your|vous|votre|sie|ihr|usted|tu|aceptas|acceptez|stimmen sie)\s/iu;
// "Follow us on X", "Folgen Sie uns", "Suivez-nous", "Síguenos en": a prompt to follow the outlet.
const FOLLOW_US = /^(?:follow us|follow [\p{L} ]{1,30} on (?:x|twitter|facebook|instagram|whatsapp|tiktok|threads|bluesky|linkedin|google news|youtube)|folgen sie uns|folge uns|suivez-nous|suivez [\p{L} ]{1,30} sur|síguenos|sigue a [\p{L} ]{1,30} en|join us on|get (?:the latest|breaking) news on|add us on)(?![\p{L}\p{N}_])/iu;
// Widgets of the page rather than of the story: app promotions, "enable JavaScript", players and their durations.
const PAGE_WIDGET =
  /^(?:(?:get|download|install) (?:the|our) .{0,40}\bapp\b|click here to (?:download|get|watch|listen|read|see)|(?:please )?(?:enable|turn on|activate) javascript|javascript (?:is )?(?:required|disabled)|your browser does not support|this (?:video|content|embed) (?:is not available|cannot be displayed)|(?:to )?(?:view|see) this (?:content|video|embed)|suivez (?:toute )?l['’]actualité .{0,60} (?:sur|dans) (?:notre|l['’])\s?appli|téléchargez (?:notre|l['’])\s?appli|descarga (?:nuestra|la) app|laden sie (?:unsere|die) app|jetzt (?:die|unsere) app|gallery: |in pictures: |watch: |video: |listen: |audio: |bildergalerie: |galerie : |vidéo : |galería: |vídeo: )/iu;
const MEDIA_PLAYER =
  /^(?:(?:play|watch|replay|listen|hören sie|hören|video|vidéo|vídeo|audio|écouter|escuchar|regarder|reproducir|abspielen)[\p{L} ]{0,25}(?:[·:|-]\s*)?\d{1,2}:\d{2}|(?:video )?duration:? \d{1,2}:\d{2}|durée de la vidéo\s?:.{1,12}|duración(?: del vídeo)?:.{1,12}|\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}m \d{1,2}s|\d{1,3} ?(?:sec|secs|seconds)|play video|watch video|watch live|live ansehen|video abspielen|mehr videos|regarder la vidéo|reproducir vídeo|ver vídeo|ver video|más vídeos|plus de vidéos|watch more|more videos|show key events only|key events|swipe for more|tap to expand|scroll for more|lire plus tard|read later|save for later|später lesen|leer más tarde|zur startseite|back to homepage|retour à l['’]accueil|volver a la portada|print this page|jump to comments(?: section)?|skip to comments|ad feedback|report this ad)$/iu;
// Market tickers: "HBR 50 4,812.30 ▲ 0.4%".
const TICKER = /[▲▼△▽↑↓]\s*[-+]?\d/u;
// A TikTok or Instagram embed's handle alone on its line, and its sound credit.
const EMBED_HANDLE = /^@?[a-z0-9._]{5,30}[a-z0-9_]$/u;
const EMBED_SOUND = /^♬/u;
// A post's own text ends on its hashtags: "Poetry night on the ferry 🌊 #KellanBayBooks".
const ENDS_ON_HASHTAG = /\s#[\p{L}\p{N}_]{2,40}$/u;
// Wire-service footers: "Our Standards: The Thomson Reuters Trust Principles."
const SYNDICATION = /^(?:our standards:|reuse this content|republish this (?:article|story)|dieses thema im programm:|licensing|syndication|this (?:article|story) (?:was|is) (?:originally )?(?:published|produced) (?:by|in|on)|this (?:article|story) first appeared)/iu;
// Buttons of a paywall or newsletter box.
// "Only €1 for 4 weeks", "4 Wochen für 0,99 €": a trial price.
const TRIAL_PRICE =
  /(?:^|\s)(?:only|just|from|nur|ab|seulement|dès|solo|desde)\s+(?:[€$£]\s?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s?(?:€|euros?))\s+(?:for|per|a|für|pour|por|al)\s+(?:\d+\s+)?(?:weeks?|months?|wochen|monat|mois|semaines|meses|semanas)|\d+\s+(?:weeks?|wochen|semaines|semanas|months?|monate|mois|meses)\s+(?:for|für|pour|por)\s+(?:nur\s+)?(?:[€$£]\s?)?\d+(?:[.,]\d+)?\s?(?:€|euros?)?$/iu;
// "Newsletter Montclarens", "The Morning Brief newsletter": a newsletter box's own title.
const NEWSLETTER_TITLE = /^(?:[Nn]ewsletter\s+[\p{Lu}\p{N}][^.!?]{0,40}|[\p{Lu}][^.!?]{0,40}\s[Nn]ewsletter)$/u;
const PROMPT_BUTTONS = new Set([
  'sign up', 'sign up now', 'subscribe', 'subscribe now', 'register', 'register now', 'log in', 'login', 'sign in',
  'newsletter', 'abonnieren', 'jetzt abonnieren', 'anmelden', 'registrieren', 'einloggen', "s'abonner", 's’abonner',
  "je m'abonne", 'je m’abonne', 'se connecter', "s'inscrire", 's’inscrire', 'suscríbete', 'suscribirse',
  'recibir boletín', 'iniciar sesión', 'regístrate', 'hazte suscriptor', 'continue reading', 'keep reading',
]);

const MAX_DEBRIS_CHARS = 600;
const MAX_SHORT_CHARS = 120;
const words = countWordsUpTo;
// No debris rule but leaked script applies to a line of more words than this.
const MAX_DEBRIS_WORDS = 60;

/** The kind of debris this line is by its own shape, or null (prose, or not sure). */
export function debrisKind(line: string): BoilerplateKind | null {
  const text = line.trim();
  if (text === '') return null;
  // Scripts can be long; other debris is short. The limits also keep every pattern below linear.
  if (SCRIPT_START.test(text) || isCodeLike(text)) return 'script';
  if (text.length > MAX_DEBRIS_CHARS) return null;
  const n = words(text, MAX_DEBRIS_WORDS);
  if (n > MAX_DEBRIS_WORDS) return null;
  if (n >= MIN_SENTENCE_WORDS && endsLikeSentence(text) && !MARKED.test(text)) return sentenceDebris(text, n);
  if (n <= 8 && text.length <= MAX_SHORT_CHARS) {
    const key = bare(text);
    if (LONE_SYMBOL.test(text) || NAVIGATION_SET.has(key)) return 'navigation';
    if (ADVERTISEMENT_SET.has(key)) return 'advertisement';
    if (COMMENTS_SET.has(key) || COMMENT_COUNT.test(text)) return 'comments';
    if (IMAGE_COUNT.test(key) || GALLERY_COUNTER.test(key) || READING_TIME.test(key)) return 'navigation';
    if (PROMPT_BUTTONS.has(key)) return 'subscription';
    if (TICKER.test(text)) return 'navigation';
    if (ADVERTISEMENT_SET.has(key.split(/\s+[–—-]\s+/u)[0])) return 'advertisement';
    if (EMBED_HANDLE.test(text) || EMBED_SOUND.test(text)) return 'social-embed';
  }
  if (n <= 40 && text.includes('#') && ENDS_ON_HASHTAG.test(text)) return 'social-embed';
  if (n <= 50 && (text.includes('ookie') || text.includes('OOKIE')) && COOKIES.test(text) && COOKIE_BANNER.test(text)) return 'navigation';
  if (n <= 25 && (FOLLOW_US.test(text) || PAGE_WIDGET.test(text))) return 'navigation';
  if (n <= 10 && MEDIA_PLAYER.test(text)) return 'navigation';
  if (n <= 20 && isBreadcrumb(text)) return 'navigation';
  if (n <= 25 && SYNDICATION.test(text)) return 'copyright';
  if (EMBED_SIGNATURE.test(text) || EMBED_LINES.test(text) || (n <= 6 && EMBED_LINK.test(text))) return 'social-embed';
  if (n <= 40 && isCopyrightLine(text, n)) return 'copyright';
  if (n <= 40 && TAGS.test(text) && !/[.!?]$/u.test(text)) return 'tags';
  if (n <= 40 && CREDIT.test(text)) return 'credit';
  if (n <= 30 && READ_MORE.test(text)) return 'read-more';
  if (n <= 60 && PHOTO_LEAD.test(text)) return isPhotoCredit(text) ? 'credit' : 'caption';
  if (isCaptionWithCredit(text)) return 'caption';
  if (n <= MAX_PROMPT_WORDS && isSubscriptionPrompt(text)) return 'subscription';
  if (n <= 20 && (n <= 6 || DIGIT.test(text)) && !endsLikeSentence(text) && isTimestamp(text)) return 'timestamp';
  if (n <= 8 && text.length <= MAX_SHORT_CHARS && isStandaloneDateline(text)) return 'dateline';
  return null;
}

// Most lines are prose: ten words or more, closed like a sentence, without a colon, a slash, a bar,
// brackets or the signs of an embed. Only the rules that can match such a line are tried on it.
const MIN_SENTENCE_WORDS = 10;
const MARKED = /[:/|()©@#{};=▲▼]/;

function sentenceDebris(text: string, n: number): BoilerplateKind | null {
  if (isCopyrightLine(text, n)) return 'copyright';
  if (CREDIT.test(text)) return 'credit';
  if (n <= 25 && (FOLLOW_US.test(text) || PAGE_WIDGET.test(text))) return 'navigation';
  if (n <= 25 && SYNDICATION.test(text)) return 'copyright';
  if (n <= 50 && (text.includes('ookie') || text.includes('OOKIE')) && COOKIES.test(text) && COOKIE_BANNER.test(text)) return 'navigation';
  if (n <= MAX_PROMPT_WORDS && isSubscriptionPrompt(text)) return 'subscription';
  if (EMBED_LINES.test(text)) return 'social-embed';
  return null;
}

/** "Photo: Lars Hemming/The Ridgeline Post": the credit line under a picture. */
export function isPhotoCredit(line: string): boolean {
  const text = line.trim();
  if (!text.includes(':')) return false;
  if (text.length > MAX_SHORT_CHARS || !PHOTO_LEAD.test(text)) return false;
  // After the colon come names and agencies ("Lina Moor/Example Herald"), not a description.
  const credited = text.slice(text.indexOf(':') + 1).trim().split(/\s+/);
  return credited.length <= 8 && credited.every((w) => /^[\p{Lu}\p{N}(©]|^(?:\/|and|und|et|y|de|via|for|für|pour|para)$/u.test(w) || w.includes('/'));
}

/** A line from a site's section menu: "World", "Economy & Business", "Sport › Tennis". */
export function isSectionLabel(line: string): boolean {
  if (line.length > MAX_SHORT_CHARS) return false;
  const key = bare(line);
  if (key.length > 40) return false;
  if (SECTION_SET.has(key)) return true;
  const parts = key.split(/\s*(?:&|\+|\/|›|»|>|\||,|(?<![\p{L}\p{N}_])and(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])und(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])et(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])y(?![\p{L}\p{N}_]))\s*/u).filter(Boolean);
  return parts.length > 1 && parts.every((part) => SECTION_SET.has(part));
}

/** Code has many more brackets, semicolons and "=" than prose: "_paq.push(['trackPageView']);". */
function isCodeLike(text: string): boolean {
  if (text.length < 12 || (!text.includes(';') && !text.includes('}'))) return false;
  let code = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && CODE_CHAR[c] === 1) code++;
  }
  return code >= 4 && code / text.length > 0.06 && /[;{}]\s*$|\)\s*;/.test(text) && /\w\(|\w\s*=\s*\S|=>/.test(text);
}

const DIGIT = /\d/;

/** "… in the harbour." — a word closed by a full stop, as prose ends (a time stamp's "a.m." does not count). */
function endsLikeSentence(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last !== 46 && last !== 33 && last !== 63) return false;
  const before = text.charCodeAt(text.length - 2);
  const third = text.charCodeAt(text.length - 3);
  return before >= 97 && before <= 122 && third >= 97 && third <= 122;
}
// A credit ends the caption: only the line's tail needs looking at.
const CREDIT_TAIL = 200;

function isCaptionWithCredit(text: string): boolean {
  const tail = text.length > CREDIT_TAIL ? text.slice(text.length - CREDIT_TAIL) : text;
  if (tail.endsWith(')')) return CREDIT_IN_PHOTO_BRACKETS.test(tail) || CREDIT_IN_BRACKETS.test(text);
  const end = tail.slice(-90);
  return (
    (end.includes(':') && CREDIT_AFTER_SENTENCE.test(tail)) ||
    (end.includes('©') && COPYRIGHT_AFTER_SENTENCE.test(tail)) ||
    (end.includes('/') && NAME_SLASH_OUTLET.test(tail)) ||
    AGENCY_AT_END.test(end)
  );
}

/** "© 2026 The Herald", "Copyright 2026 …", "… All rights reserved.": not a sentence about copyright. */
function isCopyrightLine(text: string, n: number): boolean {
  if (COPYRIGHT_SIGN.test(text)) return true;
  const candidate = COPYRIGHT_WORD.test(text) || (n <= 15 && (COPYRIGHT_OWNER.test(text) || RIGHTS.test(text)));
  return candidate && !/["“”„«»?]/u.test(text) && !REPORTED.test(text);
}

// Stems every prompt pattern below needs one of, looked for without Unicode matching (fast): most
// prose has none, and is let go at once.
const PROMPT_STEMS =
  /subscri|sign up|sign in|log in|regist|newsletter|inbox|boîte mail|free (?:article|stor|trial)|you have|you've|you’ve|continue reading|keep reading|member|support (?:our|independent)|unlimited|cancel any|digital access|your trial|got a tip|abonn|abo\b|kostenlos|jetzt|kündbar|alle artikel|weiterlesen|il vous reste|inscri|sans engagement|essai|suscri|boletín|sin límites|exclusiv|déjà|hazte|recevez|recibe|únete|rejoignez|enjoyed|postfach|newsletter/i;

/** A line that opens with an imperative ("Recevez chaque matin…"): a prompt when it follows one. */
export const opensWithImperative = (text: string): boolean => IMPERATIVE_START.test(text);

function isSubscriptionPrompt(text: string): boolean {
  if (QUOTED.test(text)) return false;
  // A short line may be a trial price ("Only €1 for 4 weeks") or a newsletter box's title.
  if (words(text) <= 12 && (TRIAL_PRICE.test(text) || NEWSLETTER_TITLE.test(text))) return true;
  if (!PROMPT_STEMS.test(text)) return false;
  if (PROMPT_PHRASES.test(text)) return true;
  return (IMPERATIVE_START.test(text) || ADDRESSES_READER.test(text)) && PROMPT_TOPICS.test(text);
}

/** "Home > News > Politics": two or more short segments split by ">", "›", "/" or "|", or a trail from "Home". */
function isBreadcrumb(text: string): boolean {
  const parts = text.split(BREADCRUMB_SEPARATOR);
  if (parts.length < 2) return false;
  if (!parts.every((p) => p.length <= 30 && /^\p{Lu}/u.test(p) && p.split(' ').length <= 4 && !/[.!?]$/u.test(p))) return false;
  // "Companies › Banks": an arrow is a trail; a slash or a bar needs three parts or a "Home" in front.
  return parts.length >= 3 || BREADCRUMB_HOME.test(parts[0]) || /\s[›»>→]\s/u.test(text);
}
