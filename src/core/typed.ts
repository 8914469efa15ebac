/**
 * The one reading of a word staff type into a cell: a rating or qualitative answer, a status in
 * "Đánh giá lại", "Có"/"Không". The sheet's formulas read the same cells without the add-in, so
 * this reading is exactly what a formula can do (workbook/formulas.ts `cleanFormula` and the word
 * lists): a no-break space counts as a space and a zero-width space as nothing, then spaces are
 * trimmed and runs of them made one (Excel's TRIM), letters compare without case (Excel's "=" and
 * MATCH), and a word may be spelled precomposed (NFC), decomposed (NFD) or as Vietnamese keyboards'
 * "Unicode tổ hợp" (the letter's hat composed, its tone mark apart): the lists in the sheet hold
 * those three spellings of every word. Nothing else is accepted, here or in the sheet.
 */

/** What a formula removes or turns into a space before TRIM, as [character, replacement]. */
export const TYPED_SUBSTITUTIONS: readonly (readonly [string, string])[] = [
  ["\u00a0", " "],
  ["\u200b", ""],
];

/** A typed text as the formulas see it after SUBSTITUTE and TRIM. */
export function cleanTyped(text: string): string {
  let s = text;
  for (const [from, to] of TYPED_SUBSTITUTIONS) s = s.split(from).join(to);
  return s.replace(/ +/gu, " ").replace(/^ | $/gu, "");
}

/** Vietnamese vowel shapes (hat, breve, horn) stay with their letter in a "tổ hợp" spelling; tones do not. */
const SHAPE_MARKS = /[\u0302\u0306\u031b]/u;
const MARKS = /\p{M}/u;

/** Every spelling of a word the sheet's lists hold, always in this order: NFC, NFD, "tổ hợp". */
export function wordSpellings(word: string): [string, string, string] {
  const nfd = word.normalize("NFD");
  let composite = "";
  for (const cluster of nfd.match(/\P{M}\p{M}*/gu) ?? []) {
    const [base, ...marks] = [...cluster];
    const shapes = marks.filter((m) => SHAPE_MARKS.test(m)).join("");
    const tones = marks.filter((m) => MARKS.test(m) && !SHAPE_MARKS.test(m)).join("");
    composite += `${(base! + shapes).normalize("NFC")}${tones}`;
  }
  return [word.normalize("NFC"), nfd, composite];
}

/** Lower case as the spreadsheets compare (no locale: Vietnamese has no special case pairs). */
const fold = (s: string) => s.toLowerCase();

/** The word of `words` a cell holds, read as the sheet reads it, or null. */
export function readTypedWord<W extends string>(value: unknown, words: readonly W[]): W | null {
  if (typeof value !== "string") return null;
  const typed = fold(cleanTyped(value));
  if (typed === "") return null;
  return words.find((w) => wordSpellings(w).some((s) => fold(s) === typed)) ?? null;
}
