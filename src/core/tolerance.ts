import { formatVietnameseNumber, parseVietnameseNumber } from "./numbers";

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

/** The tolerance as a percentage for people: 0.05 → "5%". */
export const formatTolerance = (t: number): string => `${formatVietnameseNumber(Number((t * 100).toPrecision(12)))}%`;
