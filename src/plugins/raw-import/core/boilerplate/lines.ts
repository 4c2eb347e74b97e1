import type { BoilerplateKind } from '../types';
import { escapeRegExp } from '../text';
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
const bare = (line: string) => line.replace(DECORATION, '').replace(/\s*:$/, '').toLowerCase();

const NAVIGATION_SET = new Set(NAVIGATION);
const ADVERTISEMENT_SET = new Set(ADVERTISEMENT);
const COMMENTS_SET = new Set(COMMENTS);
const SECTION_SET = new Set(SECTIONS);

// "7 images", "12 photos", "3 Bilder"; "1 / 12", "2 of 8" (a gallery counter); "4 min", "4 min read".
const IMAGE_COUNT = /^\d{1,3}\s+(?:images?|photos?|pictures?|slides?|bilder|fotos?|imágenes|vidéos?|videos?)$/iu;
const GALLERY_COUNTER = /^(?:(?:image|photo|bild|foto|imagen)\s+)?\d{1,3}\s*(?:\/|of|von|sur|de)\s*\d{1,3}$/iu;
const READING_TIME =
  /^(?:(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\s*:?\s*)?(?:about\s+|ca\.\s+)?\d{1,3}\s*(?:min(?:s|utes?|uten|\.)?|minutos?)(?:\s+(?:read|reading|lesezeit|de lecture|de lectura|lesen))?$/iu;
const COMMENT_COUNT = /^\d{1,6}\s+(?:comments?|kommentare?|commentaires?|comentarios?|réactions?|reactions?|replies)$/iu;
const LONE_SYMBOL = /^[×✕✖︎✗⨯•·|…>»›]+$/u;

const TAGS = new RegExp(`^(?:${leads(TAG_LEADS)})\\s*:\\s*\\S`, 'iu');
const READ_MORE = new RegExp(`^[\\s»›>\\-–—•]*(?:${leads(READ_MORE_LEADS)})\\s*(?::|»|›|>|\\||–|—)\\s*\\S`, 'iu');
const CREDIT = new RegExp(`^\\(?(?:${leads(CREDIT_LEADS)})\\b`, 'iu');
const PHOTO_LEAD = new RegExp(`^(?:${leads(PHOTO_WORDS)})\\s?:\\s*\\S`, 'iu');
// "… (Photo: Ines Palk/Continental Wire)", "… Foto: Paul Zeiler/nordpress", "… (AP Photo/Jane Doe)".
const PHOTO_CREDIT_AT_END = new RegExp(
  `(?:\\((?:${leads(PHOTO_WORDS)})\\s?:[^()]{2,80}\\)|[.!?]\\s+(?:${leads(PHOTO_WORDS)})\\s?:\\s[^.!?]{2,80}|\\((?:AP|AFP|Reuters|EPA|dpa|Getty)[^()]{0,60}\\)|\\b(?:Getty Images|AFP via Getty Images|Shutterstock|Alamy|REUTERS/[\\p{L} .-]+|AP Photo/[\\p{L} .-]+))\\s*$`,
  'iu',
);
// "The 4.2-metre telescope on La Palma (Halden Observatory)": a caption with its credit in brackets, no full stop.
const CREDIT_IN_BRACKETS = /^[^]{12,240}[^.!?:;…"”’]\s\((?:[\p{Lu}][\p{L}\p{N}.'’&/-]*(?:\s+|\/|(?=\))))+\)$/u;

const COPYRIGHT_START = /^(?:©|\(c\)\s|copyright\b|℗)/iu;
const RIGHTS =
  /\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|republished with permission|reproduced with permission|may not be (?:published|reproduced|redistributed)|nachdruck nur mit genehmigung|reproduction interdite)\b/iu;

// Prompts to subscribe, sign up or log in; at most a few dozen words, never a quotation.
const SUBSCRIPTION = [
  /\b(?:sign up|subscribe|subscribers?|subscription|register|log in|sign in)\b.*\b(?:newsletter|inbox|free|unlimited|access|today|now|here|our|continue)\b/iu,
  /\b(?:newsletter|inbox)\b.*\b(?:sign up|subscribe|get|receive|our|your|free)\b/iu,
  /\b(?:get|receive|sign up for|subscribe to)\b.*\b(?:newsletter|inbox|alerts)\b/iu,
  /\byou(?:'|’)?ve read \d+|\byou have read \d+|\bfree articles?\b|\balready a (?:subscriber|member)\b|\bto continue reading\b|\bfor subscribers only\b|\bexclusive to subscribers\b|\bsupport (?:our|independent) journalism\b|\bbecome a (?:member|subscriber)\b/iu,
  /\b(?:newsletter|abo|abonnement|abonnent(?:en|in)?)\b.*\b(?:abonnieren|bestellen|anmelden|kostenlos|gratis|jetzt|testen|lesen)\b|\bjetzt (?:abonnieren|anmelden|registrieren|testen|weiterlesen)\b|\bnur für abonnenten\b|\bplus-artikel\b|\bmit (?:einem )?abo\b/iu,
  /\b(?:inscrivez-vous|abonnez-vous|s['’]abonner|s['’]inscrire|recevez|réservé aux abonnés|déjà abonné|article réservé)\b|\bnewsletter\b.*\b(?:gratuite?|notre|votre|chaque)\b/iu,
  /\b(?:suscríbete|suscribirse|suscríbase|regístrate|regístrese|suscriptores|boletín|newsletter)\b.*\b(?:gratis|gratuito|nuestro|nuestra|recibe|recibir|aquí|ahora|cada|tu|su)\b|\bexclusivo para suscriptores\b|\bya eres suscriptor\b/iu,
];
// A prompt speaks to the reader, or opens with an imperative: a report about subscriptions does neither.
const ADDRESSES_READER =
  /\b(?:you|your|yours|sie|ihr|ihre|ihnen|dich|du|dein|deine|vous|votre|vos|tu|ton|ta|tes|usted|tus|su)\b/iu;
const IMPERATIVE_START =
  /^(?:sign up|subscribe|get|join|register|log in|sign in|enjoyed|enjoy|support|become|try|don['’]t miss|jetzt|hier|abonnieren|melden sie|registrieren|lesen sie|recevez|inscrivez|abonnez|rejoignez|profitez|suscríbete|suscríbase|regístrate|regístrese|recibe|únete|apúntate|no te pierdas)\b/iu;
const MAX_PROMPT_WORDS = 40;
// A quotation in the article mentions subscriptions; a prompt does not open with one.
const QUOTED = /^["“„«]/u;

// Leaked script and tracking code: assignments, calls and braces, with more code punctuation than prose has.
const SCRIPT_START =
  /^(?:<\/?[a-z][^>]*>|window\.|document\.|var\s|let\s|const\s|function\s*\(|\(function|if\s*\(|googletag\.|dataLayer|_paq|gtag\(|fbq\(|_gaq|\$\(|jQuery|\{|\}|\/\/\s|\/\*)/u;
const CODE_CHARS = /[{}();=<>[\]]/g;

// Embedded posts: "— Name (@handle) March 3, 2025", "View this post on Instagram", "A post shared by …".
const EMBED_SIGNATURE = /^[—–-]\s*[^()]{1,80}\(@[\w.]{1,40}\)\s*.{0,40}$/u;
const EMBED_LINES =
  /^(?:view this post on (?:instagram|facebook|x|twitter|tiktok|threads)|a post shared by\b|(?:view|see) (?:on|this post on) (?:instagram|x|twitter)|voir cette publication sur \w+|une publication partagée par\b|ver esta publicación en \w+|una publicación compartida por\b|ver en instagram|diesen beitrag auf \w+ ansehen|ein beitrag geteilt von\b|beitrag auf instagram ansehen)/iu;
const EMBED_LINK = /\bpic\.twitter\.com\/\w+|\bt\.co\/\w+|https?:\/\/(?:www\.)?(?:instagram\.com|twitter\.com|x\.com|tiktok\.com)\//iu;

const MAX_DEBRIS_CHARS = 600;
const MAX_SHORT_CHARS = 120;
const words = (line: string) => line.split(/\s+/).filter(Boolean).length;

/** The kind of debris this line is by its own shape, or null (prose, or not sure). */
export function debrisKind(line: string): BoilerplateKind | null {
  const text = line.trim();
  if (text === '') return null;
  const n = words(text);
  // Scripts can be long; other debris is short. The limit also keeps every pattern below linear.
  if (SCRIPT_START.test(text) || isCodeLike(text)) return 'script';
  if (text.length > MAX_DEBRIS_CHARS) return null;
  if (n <= 8 && text.length <= MAX_SHORT_CHARS) {
    const key = bare(text);
    if (LONE_SYMBOL.test(text) || NAVIGATION_SET.has(key)) return 'navigation';
    if (ADVERTISEMENT_SET.has(key)) return 'advertisement';
    if (COMMENTS_SET.has(key) || COMMENT_COUNT.test(key)) return 'comments';
    if (IMAGE_COUNT.test(key) || GALLERY_COUNTER.test(key) || READING_TIME.test(key)) return 'navigation';
  }
  if (EMBED_SIGNATURE.test(text) || EMBED_LINES.test(text) || (n <= 6 && EMBED_LINK.test(text))) return 'social-embed';
  if (n <= 40 && (COPYRIGHT_START.test(text) || RIGHTS.test(text))) return 'copyright';
  if (n <= 40 && TAGS.test(text) && !/[.!?]$/u.test(text)) return 'tags';
  if (n <= 40 && CREDIT.test(text)) return 'credit';
  if (n <= 30 && READ_MORE.test(text)) return 'read-more';
  if (n <= 60 && PHOTO_LEAD.test(text)) return isPhotoCredit(text) ? 'credit' : 'caption';
  if (n <= 60 && (PHOTO_CREDIT_AT_END.test(text) || (text.endsWith(')') && CREDIT_IN_BRACKETS.test(text)))) return 'caption';
  if (n <= MAX_PROMPT_WORDS && isSubscriptionPrompt(text)) return 'subscription';
  if (n <= 12 && isTimestamp(text)) return 'timestamp';
  if (n <= 8 && text.length <= MAX_SHORT_CHARS && isStandaloneDateline(text)) return 'dateline';
  return null;
}

/** "Photo: Lars Hemming/The Ridgeline Post": the credit line under a picture. */
export function isPhotoCredit(line: string): boolean {
  const text = line.trim();
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
  const parts = key.split(/\s*(?:&|\+|\/|›|»|>|\||,|\band\b|\bund\b|\bet\b|\by\b)\s*/u).filter(Boolean);
  return parts.length > 1 && parts.every((part) => SECTION_SET.has(part));
}

/** Code has many more brackets, semicolons and "=" than prose: "_paq.push(['trackPageView']);". */
function isCodeLike(text: string): boolean {
  if (text.length < 12) return false;
  const code = text.match(CODE_CHARS)?.length ?? 0;
  return code >= 4 && code / text.length > 0.06 && /[;{}]\s*$|\)\s*;/.test(text) && /\w\(|\w\s*=\s*\S|=>/.test(text);
}

function isSubscriptionPrompt(text: string): boolean {
  if (QUOTED.test(text)) return false;
  if (!ADDRESSES_READER.test(text) && !IMPERATIVE_START.test(text)) return false;
  return SUBSCRIPTION.some((re) => re.test(text));
}
