/**
 * Indicator ids, the one place that knows their shape (semantics.md sections 1b and 4):
 * `<section>.<item>[.<letter>]`, where the section is a Roman numeral or a letter ("II", "B"), a part
 * and its section ("A.II"), a part's own items ("A.0"), a repeated numeral ("II-2") or "S12"; the item is
 * a number or the letter a loose item kept ("a", "đ"); the letter is a, b, … z, aa, ab, … Every module
 * that needs an id's section or parent asks here instead of splitting on ".".
 */

export interface IndicatorId {
  /** "A.II", "II", "A.0", "II-2". */
  section: string;
  /** "3", or a loose item's letter. */
  item: string;
  /** "a", "aa", or null when the item holds one indicator. */
  letter: string | null;
}

/** One dot-separated piece of a section id: a part, a numeral, "S12", each maybe with "-2". */
const SECTION_PIECE_RE = /^(?:[A-Z]+|S\d+)(?:-\d+)?$/u;
const ITEM_RE = /^(?:\d+|[a-zđ])$/u;
const LETTER_RE = /^[a-z]+$/u;

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];
/** A section's Roman numeral (1 → "I", 24 → "XXIV"), as resolutions and Word's numbering write it. */
export function romanNumeral(n: number): string {
  let x = n;
  let out = "";
  for (const [v, r] of ROMAN)
    while (x >= v) {
      out += r;
      x -= v;
    }
  return out;
}

/** Item letters: a … z, then aa, ab, … (an item may hold more than 26 targets). */
export function letterId(k: number): string {
  let n = k;
  let out = "";
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

export function formatId(id: IndicatorId): string {
  return [id.section, id.item, ...(id.letter === null ? [] : [id.letter])].join(".");
}

/** The section id by shape alone: its leading pieces in capitals, and a part's "0". */
function sectionByShape(pieces: string[]): number {
  let n = 0;
  while (n < pieces.length - 1 && SECTION_PIECE_RE.test(pieces[n]!)) n++;
  // "A.0.3": the part's own items.
  if (n > 0 && n < pieces.length - 1 && pieces[n] === "0") n++;
  return n;
}

/**
 * Reads an id. With the resolution's section ids, the longest one the id starts with is its section
 * (ids staff typed keep working); without them, the section is read from the id's shape. Null when
 * the id has no item after its section or more than one piece after the item.
 */
export function parseId(id: string, sectionIds: readonly string[] = []): IndicatorId | null {
  let section = "";
  for (const s of sectionIds) if (id.startsWith(`${s}.`) && s.length > section.length) section = s;
  let rest: string[];
  if (section) rest = id.slice(section.length + 1).split(".");
  else {
    const pieces = id.split(".");
    const n = sectionByShape(pieces);
    if (n === 0) return null;
    section = pieces.slice(0, n).join(".");
    rest = pieces.slice(n);
  }
  const [item, letter, ...more] = rest;
  if (!item || more.length > 0 || (letter !== undefined && !LETTER_RE.test(letter))) return null;
  if (!sectionIds.includes(section) && !ITEM_RE.test(item)) return null;
  return { section, item, letter: letter ?? null };
}

/** The section an id belongs to ("A.II.3.b" → "A.II"); an id that cannot be read stands alone. */
export function sectionOfId(id: string, sectionIds: readonly string[] = []): string {
  return parseId(id, sectionIds)?.section ?? id.split(".")[0]!;
}

/** The item an indicator belongs to ("A.II.3.b" → "A.II.3", "II.2" → "II.2"); the id itself when unread. */
export function itemOfId(id: string, sectionIds: readonly string[] = []): string {
  const p = parseId(id, sectionIds);
  return p ? formatId({ ...p, letter: null }) : id;
}

/** The item number of an id in a given section, or null ("II.3.c" in "II" → 3). */
export function itemNumber(id: string, sectionId: string): number | null {
  const p = parseId(id, [sectionId]);
  return p && p.section === sectionId && /^\d+$/u.test(p.item) ? Number(p.item) : null;
}
