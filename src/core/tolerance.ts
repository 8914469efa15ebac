import { formatVietnameseNumber, parseVietnameseNumber } from "./numbers";
import { cleanTyped } from "./typed";

/**
 * The tolerance of "Cơ bản đạt": one setting per workbook. This module owns its default, its
 * limits and how it is read from a number or a text; every reader (CLI, custom functions, pane,
 * the sheet's validation, carry-over) calls it.
 */
export const DEFAULT_TOLERANCE = 0.05;
export const TOLERANCE_MIN = 0;
export const TOLERANCE_MAX = 0.99;

export type ToleranceRead = { ok: true; value: number } | { ok: false; message: string };

const LIMITS = "từ 0% đến 99%";

/**
 * Reads a tolerance: a number (0.1) or a text, "10%", "0,1" or "0.1". With `percent`, a bare
 * number is a percentage ("10" → 0.1), as in a field labelled "%".
 */
export function readTolerance(input: unknown, opts: { percent?: boolean } = {}): ToleranceRead {
  let value: number | null = null;
  if (typeof input === "number") value = Number.isFinite(input) ? (opts.percent ? input / 100 : input) : null;
  else if (typeof input === "string") {
    const n = parseVietnameseNumber(input);
    if (n && n.sign !== "‰") value = n.sign === "%" || opts.percent ? n.value / 100 : n.value;
  }
  if (value !== null) value = Number(value.toPrecision(12));
  if (value === null || value < TOLERANCE_MIN || value > TOLERANCE_MAX) {
    const shown =
      typeof input === "string"
        ? `"${input}"`
        : typeof input === "number" && Number.isFinite(input)
          ? opts.percent
            ? formatVietnameseNumber(input)
            : `${formatVietnameseNumber(input)} (tức ${formatTolerance(input)})`
          : String(input);
    return {
      ok: false,
      message: opts.percent
        ? `Dung sai là số phần trăm ${LIMITS}, ví dụ 5; đang là ${shown}`
        : `Dung sai phải là tỷ lệ ${LIMITS} (ví dụ 0,05 hoặc 5%), đang là ${shown}`,
    };
  }
  return { ok: true, value };
}

/**
 * The tolerance cell of a sheet, read exactly as the sheet's guarded formula reads it
 * (workbook/formulas.ts GUARDED_TOLERANCE), by the pane, carry-over and `report --from` alike: a
 * number from 0 to 0,99, or a text that is a whole percentage from 0% to 99% ("10%", "10 %"; spaces
 * as typed.ts cleans them). Anything else is refused, and the sheet uses the default.
 */
export function readToleranceCell(value: unknown): ToleranceRead {
  if (typeof value === "string") {
    const m = /^(0|[1-9]\d?) ?%$/u.exec(cleanTyped(value));
    if (m) return { ok: true, value: Number(m[1]) / 100 };
    return {
      ok: false,
      message: `Dung sai phải là tỷ lệ ${LIMITS} (ví dụ 0,05, hoặc chữ "5%" với số nguyên), đang là "${value}"`,
    };
  }
  return typeof value === "number" ? readTolerance(value) : readTolerance(String(value));
}

/**
 * The bound of "Cơ bản đạt" (semantics section 2): bound × (1 − t) for higher-is-better, × (1 + t)
 * for lower, rounded to 12 significant digits so a figure typed exactly at the boundary is on it in
 * the core and in every spreadsheet (the sheet's formula rounds the same way: ROUND to 12 digits).
 */
export function nearMissBound(bound: number, tolerance: number, side: "higher" | "lower"): number {
  const x = bound * (side === "higher" ? 1 - tolerance : 1 + tolerance);
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(NEAR_MISS_DIGITS));
}
export const NEAR_MISS_DIGITS = 12;

/** The tolerance as a percentage for people: 0.05 → "5%". */
export const formatTolerance = (t: number): string => `${formatVietnameseNumber(Number((t * 100).toPrecision(12)))}%`;
