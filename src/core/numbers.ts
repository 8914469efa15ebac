import { normalizeText } from "./text";
/**
 * Vietnamese number reading and writing.
 *
 * Rule for "." (documented in README): "." groups thousands when every group after
 * the first has exactly three digits ("27.625", "1.234.567"); otherwise a single "."
 * is a decimal point ("1.5", as typed on an English keyboard). "," is always the
 * decimal mark. A number with both uses "." for thousands and "," for decimals.
 */

/** Digits as they may appear inside a text: groups joined by "." or ",". */
export const NUMBER_SOURCE = String.raw`\d+(?:[.,]\d+)*`;

const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const TOKEN_RE = new RegExp(`^${NUMBER_SOURCE}$`, "u");
const WHOLE_RE = new RegExp(String.raw`^\s*([-−–+]?)\s*(${NUMBER_SOURCE})\s*(%|‰)?\s*$`, "u");

/** Reads one number token ("27.625", "0,6", "01", "1.234.567,89"); null when it is not one. */
export function parseNumberToken(token: string): number | null {
  const t = token.trim();
  if (!TOKEN_RE.test(t)) return null;
  const commas = t.split(",").length - 1;
  if (commas > 1) return null;
  let intPart = t;
  let frac = "";
  if (commas === 1) {
    [intPart, frac] = t.split(",") as [string, string];
    if (intPart.includes(".") && !GROUPED.test(intPart)) return null;
    intPart = intPart.replace(/\./g, "");
  } else if (t.includes(".")) {
    if (GROUPED.test(t)) intPart = t.replace(/\./g, "");
    else if (t.split(".").length === 2) [intPart, frac] = t.split(".") as [string, string];
    else return null;
  }
  const value = Number(frac ? `${intPart}.${frac}` : intPart);
  return Number.isFinite(value) ? value : null;
}

export interface ParsedNumber {
  value: number;
  /** "%", "‰" or "" when the text carried no sign. */
  sign: "%" | "‰" | "";
}

/**
 * Reads a whole text as one Vietnamese number, with an optional minus, spaces,
 * and a trailing "%" or "‰" ("−1,5 %", "27.625", "99,5%"). Null when the text is not one number.
 */
export function parseVietnameseNumber(text: string): ParsedNumber | null {
  const m = WHOLE_RE.exec(normalizeText(text));
  if (!m) return null;
  const magnitude = parseNumberToken(m[2]!);
  if (magnitude === null) return null;
  const negative = m[1] !== "" && m[1] !== "+";
  return { value: negative ? -magnitude : magnitude, sign: (m[3] ?? "") as ParsedNumber["sign"] };
}

/** Rounds to 15 significant digits, as spreadsheets display and compare numbers. */
export function round15(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(15));
}

/**
 * The one rounding of a number shown in words (semantics section 8): x taken at 15 significant
 * digits, as spreadsheets hold it, then rounded half away from zero to `decimals` places in decimal,
 * as Excel's and LibreOffice's ROUND do (80,35 → 80,4, where binary toFixed gives 80,3). The sign is
 * kept unless the rounded number is 0. workbook/report-sheet.ts spells the same steps as formulas.
 */
export function roundedDigits(x: number, decimals: number): { negative: boolean; int: string; frac: string } {
  if (!Number.isFinite(x) || x === 0) return { negative: false, int: Number.isFinite(x) ? "0" : String(x), frac: "" };
  const [mantissa, exponent] = Math.abs(x).toExponential(14).split("e") as [string, string];
  const digits = BigInt(mantissa.replace(".", ""));
  // |x| = digits × 10^(exponent − 14); scaled by 10^decimals and rounded to a whole number.
  const shift = Number(exponent) - 14 + decimals;
  let scaled: bigint;
  if (shift >= 0) scaled = digits * 10n ** BigInt(shift);
  else {
    const unit = 10n ** BigInt(-shift);
    scaled = digits / unit + ((digits % unit) * 2n >= unit ? 1n : 0n);
  }
  const text = scaled.toString().padStart(decimals + 1, "0");
  const int = text.slice(0, text.length - decimals);
  const frac = text.slice(text.length - decimals).replace(/0+$/u, "");
  return { negative: x < 0 && scaled !== 0n, int, frac };
}

/** Writes a number the Vietnamese way: "27.625", "0,6", "1.234.567,89", "-31,3"; at most `maxDecimals` decimals. */
export function formatVietnameseNumber(x: number, maxDecimals = 6): string {
  const { negative, int, frac } = roundedDigits(x, maxDecimals);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/gu, ".");
  return (negative ? "-" : "") + grouped + (frac ? `,${frac}` : "");
}
