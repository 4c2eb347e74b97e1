import type { BoilerplateKind } from '../types';
import { countWordsUpTo } from '../text';
import type { PageLine } from './page';

/** Boxes inside the article, with their header and items: links, topic lists, the author's bio. */

// A box inside the article: "Most read", "Lire aussi", "Topics", "About the author", then its items.
const MAX_WIDGET_ITEMS = 6;
const MAX_ITEM_WORDS = 25;
const CLOSED_SENTENCE = /[.!?…]["”’»)]?$/u;

/**
 * The items under a box's header are links (headlines, topics) until the story's prose resumes:
 * a line closed like a sentence ends the box. "About the author" takes the bio under it.
 */
export function markBoxes(lines: PageLine[]) {
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i];
    const kind = header.kind === null ? widgetKind(header.text) : null;
    if (kind === null) continue;
    header.kind = kind;
    for (let j = i + 1, taken = 0; j < lines.length && taken < MAX_WIDGET_ITEMS; j++, taken++) {
      const item = lines[j];
      if (item.kind !== null) break;
      if (kind === 'bio') {
        if (wordCount(item.text) <= 60) item.kind = 'bio';
        break;
      }
      if (CLOSED_SENTENCE.test(item.text) || wordCount(item.text) > MAX_ITEM_WORDS) break;
      if (kind === 'tags' && wordCount(item.text) > MAX_LABEL_WORDS) break;
      item.kind = kind;
    }
  }
}

const ABOUT_AUTHOR = /^(?:about the authors?|about the writer|über (?:den|die) autor(?:in)?|zur autorin|zum autor|à propos de l['’]auteur(?:e)?|l['’]auteur|sobre el autor|sobre la autora)$/iu;
const TOPICS_HEADER = /^(?:topics|related topics|more on these topics|explore more on these topics|themen|mehr zum thema|sujets|thèmes|temas|tags)$/iu;
const LINKS_HEADER =
  /^(?:most read|most popular|most viewed|trending|top stories|more stories|more on this story|related stories|related|read more|read also|also read|lesen sie auch|auch interessant|meistgelesen|das könnte sie auch interessieren|lire aussi|à lire aussi|les plus lus|à voir aussi|lee también|te puede interesar|lo más leído|más leídas|relacionado|relacionadas)$/iu;

/** The kind of an in-article box, from its header line; null when the line heads nothing we know. */
function widgetKind(text: string): BoilerplateKind | null {
  if (text.length > 60) return null;
  const bare = text.replace(/[\s:»›>]+$/u, '');
  if (ABOUT_AUTHOR.test(bare)) return 'bio';
  // "Mehr zum Thema" heads links in German pages; other topic headers head tag lists.
  if (TOPICS_HEADER.test(bare)) return /mehr zum thema/iu.test(bare) ? 'read-more' : 'tags';
  return LINKS_HEADER.test(bare) ? 'read-more' : null;
}

const MAX_LABEL_WORDS = 4;
const wordCount = (text: string, cap?: number) => countWordsUpTo(text, cap);
