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
  /^(?:(?:view|show|read|see|load|ver|voir|afficher|alle|mostrar|leer)\s+)?(?:all\s+|les\s+|los\s+)?(?:\d{1,6}\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|réactions?|reactions?|replies)(?:\s*\(\d{1,6}\))?$/iu;
const LONE_SYMBOL = /^[×✕✖︎✗⨯•·|…>»›]+$/u;

const TAGS = new RegExp(`^(?:${leads(TAG_LEADS)})\\s*:\\s*\\S`, 'iu');
const READ_MORE = new RegExp(`^[\\s»›>\\-–—•]*(?:${leads(READ_MORE_LEADS)})\\s*(?::|»|›|>|\\||–|—)\\s*\\S`, 'iu');
const CREDIT = new RegExp(`^\\(?(?:${leads(CREDIT_LEADS)})(?:(?<![\\p{L}\\p{N}_])|(?![\\p{L}\\p{N}_]))`, 'iu');
const PHOTO_LEAD = new RegExp(`^(?:${leads(PHOTO_WORDS)})\\s?:\\s*\\S`, 'iu');
// "… (Photo: Ines Palk/Continental Wire)", "… Foto: Paul Zeiler/nordpress", "… (AP Photo/Jane Doe)".
const PHOTO_CREDIT_AT_END = new RegExp(
  `(?:\\((?:${leads(PHOTO_WORDS)})\\s?:[^()]{2,80}\\)|[.!?]\\s+(?:${leads(PHOTO_WORDS)})\\s?:\\s[^.!?]{2,80}|\\((?:AP|AFP|Reuters|EPA|dpa|Getty)[^()]{0,60}\\)|(?:(?<![\\p{L}\\p{N}_])|(?![\\p{L}\\p{N}_]))(?:Getty Images|AFP via Getty Images|Shutterstock|Alamy|REUTERS/[\\p{L} .-]+|AP Photo/[\\p{L} .-]+)|[.!?]\\s+©\\s?[\\p{L}][^.!?]{1,60}|[.!?]\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s\\p{Lu}[\\p{L}'’.-]*){0,3}\\s?\\/\\s?\\p{Lu}[\\p{L}&'’ -]{1,40}|\\s[—–-]\\s(?:Getty Images|AFP|Reuters|AP|EPA|dpa|Shutterstock))\\s*$`,
  'iu',
);
// "The 4.2-metre telescope on La Palma (Halden Observatory)": a caption with its credit in brackets, no full stop.
const CREDIT_IN_BRACKETS = /^[^]{12,240}[^.!?:;…"”’]\s\((?:[\p{Lu}][\p{L}\p{N}.'’&/-]*(?:\s+|\/|(?=\))))+\)$/u;

const COPYRIGHT_START = /^(?:©|\(c\)\s|copyright(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))|℗)/iu;
const RIGHTS =
  /(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|republished with permission|reproduced with permission|may not be (?:published|reproduced|redistributed)|nachdruck nur mit genehmigung|reproduction interdite)(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))/iu;

// Prompts to subscribe, sign up or log in; at most a few dozen words, never a quotation.
// Phrases only a prompt uses: enough on their own.
const PROMPT_PHRASES =
  /(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))(?:you(?:'|’)?ve read \d+|you have read \d+|you have \d+ free|free (?:articles?|stories) (?:left|remaining)|already a (?:subscriber|member)|to continue reading|to keep reading|for subscribers only|exclusive to subscribers|subscribers only|support (?:our|independent) journalism|become a (?:member|subscriber)|sign up for (?:our|the)|subscribe (?:now|today|for|from|to our)|kostenlosen? artikeln?|jetzt (?:abonnieren|anmelden|registrieren|testen|weiterlesen|abo)|nur für abonnenten|bereits abonnent|schon abonnent|réservée? aux abonnés|déjà abonné|il vous reste \d+|je m['’]abonne|abonnez-vous|inscrivez-vous|hazte suscriptor|exclusivo para suscriptores|ya eres suscriptor|suscríbete|contenido exclusivo)(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))/iu;
// Topic words of a prompt, which need a reader addressed or an imperative as well.
const PROMPT_TOPICS =
  /(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))(?:newsletters?|inbox|boîte mail|subscribe|subscription|subscriber|sign up|log in|sign in|register|abo|abonnement|abonnieren|abonnent(?:en|in)?|anmelden|abonné|abonner|inscri(?:re|vez)|s['’]inscrire|suscri(?:bir|pción|ptor)|boletín|regístrate)(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))/iu;
// A prompt speaks to the reader, or opens with an imperative: a report about subscriptions does neither.
const ADDRESSES_READER =
  /(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))(?:you|your|yours|sie|ihr|ihre|ihnen|dich|du|dein|deine|vous|votre|vos|tu|ton|ta|tes|usted|tus|su)(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))/iu;
const IMPERATIVE_START =
  /^(?:sign up|subscribe|get|join|register|log in|sign in|enjoyed|enjoy|support|become|try|don['’]t miss|jetzt|hier|abonnieren|melden sie|registrieren|lesen sie|recevez|inscrivez|abonnez|rejoignez|profitez|suscríbete|suscríbase|regístrate|regístrese|recibe|únete|apúntate|no te pierdas|hazte)(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))/iu;
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
  /^(?:view this post on (?:instagram|facebook|x|twitter|tiktok|threads)|a post shared by(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))|(?:view|see) (?:on|this post on) (?:instagram|x|twitter)|voir cette publication sur \w+|une publication partagée par(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))|ver esta publicación en \w+|una publicación compartida (?:por|de)(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))|ver en instagram|diesen beitrag auf \w+ ansehen|ein beitrag geteilt von(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))|beitrag auf instagram ansehen)/iu;
const EMBED_LINK = /(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))pic\.twitter\.com\/\w+|(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))t\.co\/\w+|https?:\/\/(?:www\.)?(?:instagram\.com|twitter\.com|x\.com|tiktok\.com)\//iu;

// "Home > News > Politics", "Startseite › Wirtschaft", "Inicio / Deportes / Fútbol": a breadcrumb trail.
const BREADCRUMB_SEPARATOR = /\s+(?:>|›|»|\/|\||→)\s+/u;
const BREADCRUMB_HOME = /^(?:home|start|startseite|accueil|inicio|portada|news)$/iu;
// Cookie banners: "We use cookies to…", "Nous utilisons des cookies…", "Utilizamos cookies…".
const COOKIES = /(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))cookies?(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))/iu;
// A banner is the site speaking to the reader; a story about cookies or a cookie policy reports it.
const COOKIE_BANNER =
  /^(?:we|this (?:web)?site|our (?:web)?site|nous|ce site|wir|diese (?:web)?seite|unsere (?:web)?seite|utilizamos|usamos|este sitio|esta web)\s.*cookies?|cookies?.*\s(?:you|your|vous|votre|sie|ihr|usted|tu|aceptas|acceptez|stimmen sie)\s/iu;
// "Follow us on X", "Folgen Sie uns", "Suivez-nous", "Síguenos en": a prompt to follow the outlet.
const FOLLOW_US = /^(?:follow us|follow [\p{L} ]{1,30} on (?:x|twitter|facebook|instagram|whatsapp|tiktok|threads|bluesky|linkedin|google news|youtube)|folgen sie uns|folge uns|suivez-nous|suivez [\p{L} ]{1,30} sur|síguenos|sigue a [\p{L} ]{1,30} en|join us on|get (?:the latest|breaking) news on|add us on)(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))/iu;
// Market tickers: "HBR 50 4,812.30 ▲ 0.4%".
const TICKER = /[▲▼△▽↑↓]\s*[-+]?\d/u;
// A TikTok or Instagram embed's handle alone on its line, and its sound credit.
const EMBED_HANDLE = /^@?[a-z0-9._]{3,30}$/u;
const EMBED_SOUND = /^♬/u;
// A post's own text ends on its hashtags: "Poetry night on the ferry 🌊 #KellanBayBooks".
const ENDS_ON_HASHTAG = /\s#[\p{L}\p{N}_]{2,40}$/u;
// Wire-service footers: "Our Standards: The Thomson Reuters Trust Principles."
const SYNDICATION = /^(?:our standards:|this (?:article|story) (?:was|is) (?:originally )?(?:published|produced) (?:by|in|on)|this (?:article|story) first appeared)/iu;
// Buttons of a paywall or newsletter box.
const PROMPT_BUTTONS = new Set([
  'sign up', 'sign up now', 'subscribe', 'subscribe now', 'register', 'register now', 'log in', 'login', 'sign in',
  'newsletter', 'abonnieren', 'jetzt abonnieren', 'anmelden', 'registrieren', 'einloggen', "s'abonner", 's’abonner',
  "je m'abonne", 'je m’abonne', 'se connecter', "s'inscrire", 's’inscrire', 'suscríbete', 'suscribirse',
  'recibir boletín', 'iniciar sesión', 'regístrate', 'hazte suscriptor', 'continue reading', 'keep reading',
]);

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
    if (COMMENTS_SET.has(key) || COMMENT_COUNT.test(text)) return 'comments';
    if (IMAGE_COUNT.test(key) || GALLERY_COUNTER.test(key) || READING_TIME.test(key)) return 'navigation';
    if (PROMPT_BUTTONS.has(key)) return 'subscription';
    if (isBreadcrumb(text) || TICKER.test(text)) return 'navigation';
    if (EMBED_HANDLE.test(text) || EMBED_SOUND.test(text)) return 'social-embed';
  }
  if (n <= 40 && ENDS_ON_HASHTAG.test(text)) return 'social-embed';
  if (n <= 50 && COOKIES.test(text) && COOKIE_BANNER.test(text)) return 'navigation';
  if (n <= 25 && FOLLOW_US.test(text)) return 'navigation';
  if (n <= 25 && SYNDICATION.test(text)) return 'copyright';
  if (EMBED_SIGNATURE.test(text) || EMBED_LINES.test(text) || (n <= 6 && EMBED_LINK.test(text))) return 'social-embed';
  if (n <= 40 && (COPYRIGHT_START.test(text) || RIGHTS.test(text))) return 'copyright';
  if (n <= 40 && TAGS.test(text) && !/[.!?]$/u.test(text)) return 'tags';
  if (n <= 40 && CREDIT.test(text)) return 'credit';
  if (n <= 30 && READ_MORE.test(text)) return 'read-more';
  if (n <= 60 && PHOTO_LEAD.test(text)) return isPhotoCredit(text) ? 'credit' : 'caption';
  if (n <= 60 && (PHOTO_CREDIT_AT_END.test(text) || (text.endsWith(')') && CREDIT_IN_BRACKETS.test(text)))) return 'caption';
  if (n <= MAX_PROMPT_WORDS && isSubscriptionPrompt(text)) return 'subscription';
  if (n <= 20 && isTimestamp(text)) return 'timestamp';
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
  const parts = key.split(/\s*(?:&|\+|\/|›|»|>|\||,|(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))and(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))|(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))und(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))|(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))et(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))|(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_]))y(?:(?<![\p{L}\p{N}_])|(?![\p{L}\p{N}_])))\s*/u).filter(Boolean);
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
  if (PROMPT_PHRASES.test(text)) return true;
  return PROMPT_TOPICS.test(text) && (ADDRESSES_READER.test(text) || IMPERATIVE_START.test(text));
}

/** "Home > News > Politics": two or more short segments split by ">", "›", "/" or "|", or a trail from "Home". */
function isBreadcrumb(text: string): boolean {
  const parts = text.split(BREADCRUMB_SEPARATOR);
  if (parts.length < 2) return false;
  if (!parts.every((p) => p.length <= 30 && /^\p{Lu}/u.test(p) && p.split(' ').length <= 4 && !/[.!?]$/u.test(p))) return false;
  return parts.length >= 3 || BREADCRUMB_HOME.test(parts[0]);
}
