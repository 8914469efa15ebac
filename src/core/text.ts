/**
 * Text as it arrives (semantics.md section 0), made plain before any reading: NFC; every space-like
 * character an ordinary space; invisible characters gone; CR LF and CR ended as LF. Every reader
 * calls this: the resolution parser, target phrases (custom functions), figures typed as text and
 * words compared in checks. Length-changing, so readers call it once, before indexing into text.
 */
const SPACE_LIKE = /[\t\u00a0\u202f\u2000-\u200a\u3000]/gu;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;

/** Per mille typed without its sign, as "%o" or "%0" right after a figure ("0,01%o", "0,30%0/năm"). */
const PER_MILLE_TYPED = /(\d)\s?%[o0](?![\p{L}\d])/gu;

export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/gu, "\n")
    .replace(INVISIBLE, "")
    .replace(SPACE_LIKE, " ")
    .normalize("NFC")
    .replace(PER_MILLE_TYPED, "$1‰");
}

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
