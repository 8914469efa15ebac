import { measureOf, toExcel } from "./measure";
import type { Indicator, TargetOp } from "./model";
import { formatVietnameseNumber } from "./numbers";
import { STATUS_RULES } from "./rules";
import { NEAR_MISS_DIGITS } from "./tolerance";

/**
 * The comparison with the same period last year (semantics section 9), in one place: which kinds
 * have it, the change a ÷ previous the sheet's "So với cùng kỳ" computes, and its words. The
 * sheet's formulas (workbook/formulas.ts, workbook/report-sheet.ts) spell the same steps.
 */

/** Kinds compared with last year: those measured by numbers (never a rank, a rating or an answer). */
export const comparesWithPrevious = (op: TargetOp): boolean => {
  const shape = STATUS_RULES[op].shape;
  return shape === "comparison" || shape === "range";
};

/**
 * "So với cùng kỳ": the figure ÷ last year's, both as their cells hold them; null when either is not
 * a number, last year's is 0, the kind has no comparison, or the figure itself is not acceptable
 * (`figureOk`: its status is not "Chưa có số liệu").
 */
export function previousChange(ind: Pick<Indicator, "target">, a: unknown, previous: unknown, figureOk = true) {
  if (!comparesWithPrevious(ind.target.op) || !figureOk) return null;
  if (typeof a !== "number" || typeof previous !== "number" || previous === 0) return null;
  return a / previous;
}

/** Rates (unit %, ‰) change by points; the words after the number ("" for amounts, which change by a percentage). */
export function pointWords(ind: Pick<Indicator, "unit" | "target" | "targetText">): string {
  const sign = measureOf(ind).sign;
  return sign === "%" ? " điểm phần trăm" : sign === "‰" ? " điểm phần nghìn" : "";
}

/**
 * The change as said, in the unit it is said in: for amounts (a ÷ previous − 1) × 100 percent, for
 * rates the difference of the figures as written (a − previous, in points). The cells' values are
 * divided by the measure's Excel scale exactly as the report sheet does.
 */
export function changeDelta(
  ind: Pick<Indicator, "unit" | "target" | "targetText">,
  a: number,
  previous: number,
  change: number,
): number {
  const scale = toExcel(1, measureOf(ind));
  const x = pointWords(ind) === "" ? (change - 1) * 100 : a / scale - previous / scale;
  // Taken at 12 significant digits (as a near-miss bound is, tolerance.ts), so a binary remainder
  // (4,615 − 3,965 = 0,6499999999999995) never decides the rounding: the sheet's ROUND does the same.
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(NEAR_MISS_DIGITS));
}

/** "tăng 4,8% so với cùng kỳ", "giảm 0,3 điểm phần trăm so với cùng kỳ", "bằng cùng kỳ"; null when there is no comparison. */
export function previousWords(
  ind: Pick<Indicator, "unit" | "target" | "targetText">,
  a: unknown,
  previous: unknown,
  figureOk = true,
): string | null {
  const change = previousChange(ind, a, previous, figureOk);
  if (change === null) return null;
  const delta = changeDelta(ind, a as number, previous as number, change);
  const digits = formatVietnameseNumber(Math.abs(delta), 1);
  if (digits === "0") return "bằng cùng kỳ";
  const points = pointWords(ind);
  return `${delta > 0 ? "tăng" : "giảm"} ${digits}${points || "%"} so với cùng kỳ`;
}
