/**
 * Text as it arrives (semantics.md section 0), made plain before any reading: NFC; every space-like
 * character an ordinary space; invisible characters gone; CR LF, CR, vertical tab, NEL and the Unicode
 * line and paragraph separators ended as LF; hyphen look-alikes "-"; full-width ASCII as ASCII; thousands
 * grouped by spaces grouped by "." ("27 625" → "27.625"). Every reader
 * calls this: the resolution parser, target phrases (custom functions), figures typed as text and
 * words compared in checks. Length-changing, so readers call it once, before indexing into text.
 */
const SPACE_LIKE = /[\t\u00a0\u202f\u2000-\u200a\u3000]/gu;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
/** Hyphen, non-breaking hyphen, minus sign, small and full-width hyphen-minus: all "-". */
const HYPHENS = /[\u2010\u2011\u2212\ufe63\uff0d]/gu;
/** Vertical tab (Word's manual line break in copied text), form feed, NEL, line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- these control characters are line breaks to normalise.
const LINE_BREAKS = /[\u000b\u000c\u0085\u2028\u2029]/gu;
/** Full-width ASCII (digits, punctuation, letters) typed with an East Asian input method. */
const FULL_WIDTH = /[\uff01-\uff5e]/gu;

/**
 * Thousands grouped by a space (or a no-break space, made a space above): "27 625 triệu đồng" is
 * "27.625", the Vietnamese grouping. Only groups of exactly three digits after a first group of one to
 * three, not inside a longer number ("năm 2025 100 hộ" stays).
 */
const SPACE_GROUPED = /(^|[^\d.,])(\d{1,3}(?: \d{3})+)(?!\d|\.\d)/gu;

/** Per mille typed without its sign, as "%o" or "%0" right after a figure ("0,01%o", "0,30%0/năm"). */
const PER_MILLE_TYPED = /(\d)\s?%[o0](?![\p{L}\d])/gu;

export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/gu, "\n")
    .replace(LINE_BREAKS, "\n")
    .replace(INVISIBLE, "")
    .replace(HYPHENS, "-")
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SPACE_LIKE, " ")
    .normalize("NFC")
    .replace(SPACE_GROUPED, (_, pre: string, n: string) => pre + n.replace(/ /gu, "."))
    .replace(PER_MILLE_TYPED, "$1‰");
}

/**
 * Characters an .xlsx (XML) cannot hold: controls other than tab and line feed, U+FFFE, U+FFFF and
 * halves of surrogate pairs. A sheet with one is malformed; readers drop them and say where.
 */
// eslint-disable-next-line no-control-regex -- these controls are exactly what XML forbids.
export const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu;

/** Excel's limit on the characters of a cell. */
export const CELL_MAX = 32_767;

/** A text cut to fit a cell, ending in "…" when cut. */
export const fitCell = (text: string): string =>
  text.length <= CELL_MAX ? text : `${text.slice(0, CELL_MAX - 1).replace(/[\ud800-\udbff]$/u, "")}…`;

/** A sentence's first letter in capitals ("6 tháng" stays, "cần một con số" → "Cần một con số"). */
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A word or phrase as compared: normalised, spaces collapsed, trimmed, lower case. */
export function comparable(text: string): string {
  return normalizeText(text).replace(/\s+/gu, " ").trim().toLowerCase();
}

/** The one of `words` that `text` is, ignoring case, spacing and invisible characters, or null. */
export function matchWord<W extends string>(words: readonly W[], text: string): W | null {
  const t = comparable(text);
  return words.find((w) => comparable(w) === t) ?? null;
}
