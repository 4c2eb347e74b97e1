/**
 * Date lines and timestamps ("Updated 06:41 GMT", "28.10.2025, 14:32 Uhr", "Publié le 12/03/2025 à
 * 08h15", "Oct 28, 2025 - Business", "Updated 2 hours ago") and a dateline standing alone
 * ("BRACKENFORD, England —", "VALDERRÍO (Murcia)").
 */

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|' +
  'januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const DAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|' +
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|' +
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo';
// Words a date line is made of besides the date: "Updated", "Veröffentlicht am", "Mis à jour le", "a las".
const FRAME =
  'updated|last updated|published|posted|first published|modified|created|aktualisiert|zuletzt aktualisiert|' +
  'veröffentlicht|erstellt|stand|publié|publiée|mis à jour|modifié|actualizado|actualizada|publicado|publicada|' +
  'modificado|última actualización|on|at|am|um|le|à|el|a las|a la|de|del|the|uhr|h|hrs|heures|horas|gmt|utc|bst|' +
  'cet|cest|mez|mesz|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ist|aest|aedt|local time|time|ago|vor|il y a|hace|' +
  'about|just now|today|yesterday|heute|gestern|aujourd’hui|aujourd\'hui|hier|hoy|ayer|minutes?|mins?|hours?|' +
  'days?|weeks?|minuten|stunden?|tagen?|heures?|jours?|minutos?|días?|seconds?|sekunden|secondes|segundos|an hour|a day|' +
  'am|pm|a\\.m\\.|p\\.m\\.';

const DATE_TOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h)?|(?<![\p{L}\p{N}_])\d{1,2}(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?(?:${MONTHS})(?![\p{L}\p{N}_])\.?(?:\s+(?:de\s+)?\d{4})?|(?<![\p{L}\p{N}_])(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|(?<![\p{L}\p{N}_])(?:${MONTHS})\s+\d{4}(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])\d{1,3}\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|minuten|stunden?|tagen?|heures?|jours?|minutos?|horas?|días?)(?![\p{L}\p{N}_])`,
  'giu',
);
const LEFTOVER = new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${FRAME}|${DAYS})(?![\p{L}\p{N}_])|\d{4}(?![\p{L}\p{N}_])|[,.:;|·•\-–—/()]`, 'giu');

const MAX_TIMESTAMP_CHARS = 120;

/** A line that is a date or time, with at most a couple of other words (a section name, "Updated"). */
export function isTimestamp(line: string): boolean {
  if (line.length > MAX_TIMESTAMP_CHARS) return false;
  DATE_TOKEN.lastIndex = 0;
  const withoutDates = line.replace(DATE_TOKEN, ' ');
  if (withoutDates === line) return false;
  const rest = withoutDates.replace(LEFTOVER, ' ').trim();
  const restWords = rest === '' ? 0 : rest.split(/\s+/).length;
  // "Oct 28, 2025 - Business": the section may stay; a sentence may not.
  return restWords <= 2 && !/\p{Ll}{3,}\s+\p{Ll}{3,}/u.test(rest);
}

// An upper-case place, an optional region or agency, then a dash or nothing: a dateline alone on its line.
const DATELINE =
  /^\p{Lu}[\p{Lu}\p{M} .'’-]{2,}(?:,\s*[\p{L}\p{M}\p{N} .'’-]{2,40})?(?:\s*\([\p{L}\p{M} .'’-]{1,30}\))?\s*[—–-]?$/u;

export function isStandaloneDateline(line: string): boolean {
  if (!DATELINE.test(line)) return false;
  // The place itself is in capitals ("KILMORRAN"), and something marks it as a dateline: a dash, a region, brackets.
  const place = line.split(/[,(—–-]/)[0].trim();
  return /^[\p{Lu}\p{M} .'’-]+$/u.test(place) && place.replace(/[^\p{Lu}]/gu, '').length >= 3 && /[,(—–-]/.test(line);
}
