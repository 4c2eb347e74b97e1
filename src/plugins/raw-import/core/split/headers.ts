import { escapeRegExp } from '../text';
/** Header lines that open (or split) a teaser block: "Related", "Read more:", "More from Business". */

// Fixed phrases, matched on the whole line (case-insensitive, trailing ":" etc. removed).
const FIXED = [
  // English
  'related', 'related stories', 'related articles', 'related coverage', 'related content', 'related news',
  'related links', 'related reading', 'related topics', 'read more', 'read also', 'also read', 'read next',
  'see also', 'also see', 'more stories', 'more news', 'more headlines', 'recommended', 'recommended for you',
  'recommended stories', 'recommended reading', 'you may also like', 'you might also like', 'you may also be interested in',
  'most read', 'most popular', 'most viewed', 'top stories', 'latest', 'latest news', 'latest stories',
  'latest headlines', 'in other news', 'trending', 'trending now', 'further reading', 'what to read next',
  'other stories', "don't miss", 'don’t miss', "editor's picks", 'editor’s picks', 'also in the news',
  'also on the site', 'more to read', 'keep reading', 'popular now', 'elsewhere',
  // German
  'lesen sie auch', 'lesen sie mehr', 'lesen sie weiter', 'mehr zum thema', 'zum thema', 'auch interessant',
  'das könnte sie auch interessieren', 'das könnte sie interessieren', 'weitere artikel', 'weitere nachrichten',
  'weitere themen', 'verwandte artikel', 'verwandte themen', 'ebenfalls lesenswert', 'auch lesenswert',
  'meistgelesen', 'meistgelesene artikel', 'passend zum thema', 'top-themen', 'neueste nachrichten',
  'weiterlesen', 'mehr lesen', 'empfehlungen', 'unsere empfehlungen', 'mehr nachrichten', 'auch spannend',
  'weitere meldungen', 'weitere beiträge', 'empfohlene artikel', 'ähnliche artikel', 'mehr artikel', 'aktuelle nachrichten',
  'meistgelesene nachrichten', 'das könnte dich auch interessieren', 'lies auch',
  // French
  'à lire aussi', 'a lire aussi', 'lire aussi', 'lire la suite', 'lire plus', 'sur le même sujet',
  'sur le même thème', 'à voir aussi', 'a voir aussi', 'voir aussi', "plus d'articles", 'plus d’articles',
  "plus d'actualités", 'plus d’actualités', 'dans la même rubrique', 'les plus lus', 'à la une', 'a la une',
  'articles liés', 'articles similaires', 'vous aimerez aussi', 'vous aimerez peut-être aussi',
  'ces articles peuvent vous intéresser', 'ceci peut vous intéresser', 'en lien', 'autres articles',
  'dernières actualités', 'pour aller plus loin', 'à découvrir aussi', 'à découvrir', 'nos articles', 'à lire également',
  'lire également', 'à lire', 'à voir également', 'dans l’actualité', "dans l'actualité", 'nos autres articles',
  'les plus lus', 'les plus partagés', 'à la une également',
  // Spanish
  'leer más', 'lee también', 'lea también', 'te puede interesar', 'le puede interesar', 'también te puede interesar',
  'también le puede interesar', 'puede interesarte', 'más noticias', 'noticias relacionadas', 'artículos relacionados',
  'relacionado', 'relacionados', 'relacionadas', 'contenido relacionado', 'lo más leído', 'lo más visto',
  'ver más', 'seguir leyendo', 'otras noticias', 'últimas noticias', 'te recomendamos', 'recomendados',
  'quizás te interese', 'quizá te interese', 'también en', 'sigue leyendo', 'más información', 'te podría interesar',
  'notas relacionadas', 'lecturas recomendadas', 'recomendado', 'más leídas', 'lo más leído', 'más leído', 'te recomendamos leer',
];

// Phrases followed by a section or topic name: "More from Business", "Mehr aus Wirtschaft", "Más de Deportes".
const WITH_TOPIC = [
  'more from', 'more on', 'more about', 'more in', 'more stories from', 'more news from', 'latest from',
  'latest in', 'also in', 'also on', 'related to', 'read more about', 'read more on', 'more coverage of',
  'mehr aus', 'mehr zu', 'mehr zum', 'mehr über', 'mehr von', 'weitere artikel zu', 'mehr aus dem ressort',
  'plus de', 'plus sur', 'plus d’infos sur', "plus d'infos sur", 'à lire aussi sur', 'toute l’actualité', "toute l'actualité",
  'más de', 'más sobre', 'más en', 'más noticias de', 'más noticias sobre', 'lo último en', 'lo último de',
];

const FIXED_SET = new Set(FIXED);
const WITH_TOPIC_RE = new RegExp(
  `^(?:${WITH_TOPIC.map(escapeRegExp).join('|')})\\s+\\S.{0,40}$`,
  'iu',
);
// Decoration around a header: "## Related ##", "— Read more: —", "RELATED »".
const DECORATION = /^[\s#*=>\-–—|•·»›]+|[\s#*=<\-–—|•·»›:]+$/gu;

export const MAX_HEADER_WORDS = 8;
const STARTS_UPPER = /^[^\p{L}]*\p{Lu}/u;
const ENDS_LIKE_SENTENCE = /[.!?,;…]$/u;
const MAX_HEADER_CHARS = 80;

/** A known teaser-block header, in English, German, French or Spanish. */
export function isTeaserHeader(line: string): boolean {
  if (line.length > MAX_HEADER_CHARS) return false;
  // Most lines are prose: more words than any header, rejected without building strings.
  for (let i = 0, spaces = 0; i < line.length; i++) if (line.charCodeAt(i) === 32 && ++spaces >= MAX_HEADER_WORDS) return false;
  const trimmed = line.replace(DECORATION, '');
  // A header is a label: it starts with a capital and does not end like a sentence.
  if (!STARTS_UPPER.test(trimmed) || ENDS_LIKE_SENTENCE.test(trimmed)) return false;
  const bare = trimmed.toLowerCase();
  if (bare === '' || bare.split(/\s+/).length > MAX_HEADER_WORDS) return false;
  return FIXED_SET.has(bare) || WITH_TOPIC_RE.test(bare);
}

/**
 * A short label right where a teaser block begins, in words we do not know: "Top picks:", "Weitere Meldungen".
 * Either it ends with a colon (up to six words), or it is up to four words without closing punctuation.
 */
export function looksLikeHeader(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length > 60) return false;
  const words = trimmed.split(/\s+/).length;
  if (trimmed.endsWith(':')) return /^[^.!?…]{1,60}:$/u.test(trimmed) && words <= 6;
  return words <= 4 && trimmed.length <= 40 && STARTS_UPPER.test(trimmed) && !/[.!?,;:…"”’)]$/u.test(trimmed);
}
