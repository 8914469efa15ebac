import {
  QUALITATIVE_ANSWERS,
  RATING_LEVELS,
  type ActualValue,
  type Indicator,
  type Status,
  type Target,
} from "./model";
import { formatFigure, fromExcel, measureOf } from "./measure";
import { round15 } from "./numbers";
import { ratingLevel } from "./target";

export const DEFAULT_TOLERANCE = 0.05;

/**
 * Compares as spreadsheets do: both sides rounded to 15 significant digits, so that
 * 0,6% typed in Excel (0.006 × 100 = 0.6000000000000001) equals 0.6.
 */
export function compare(a: number, b: number): -1 | 0 | 1 {
  const x = round15(a);
  const y = round15(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export type Figure = { kind: "blank" } | { kind: "number"; value: number } | { kind: "word"; value: string };

export type FigureCheck = { ok: true; figure: Figure } | { ok: false; reason: string };

type JudgeInput = Pick<Indicator, "unit" | "target"> & Partial<Pick<Indicator, "targetText">>;

/** Checks one figure (as written: 99.5 means 99.5%) against what its indicator accepts. */
export function checkFigure(ind: JudgeInput, actual: ActualValue | undefined | boolean): FigureCheck {
  if (actual === null || actual === undefined || (typeof actual === "string" && actual.trim() === ""))
    return { ok: true, figure: { kind: "blank" } };
  const measure = measureOf(ind);
  if (measure.kind === "rating" || measure.kind === "qualitative") {
    const allowed: readonly string[] = measure.kind === "rating" ? RATING_LEVELS : QUALITATIVE_ANSWERS;
    const word =
      typeof actual === "string"
        ? measure.kind === "rating"
          ? ratingLevel(actual)
          : (allowed.find((w) => w.toLowerCase() === actual.normalize("NFC").toLowerCase()) ?? null)
        : null;
    if (word === null)
      return {
        ok: false,
        reason: `cần một trong các giá trị: ${allowed.map((w) => `"${w}"`).join(", ")}; đang là "${String(actual)}"`,
      };
    return { ok: true, figure: { kind: "word", value: word } };
  }
  if (typeof actual !== "number" || !Number.isFinite(actual))
    return {
      ok: false,
      reason: `cần một con số, đang là ${typeof actual === "string" ? `chữ "${actual}"` : String(actual)}`,
    };
  if (measure.integer && !Number.isInteger(round15(actual)))
    return {
      ok: false,
      reason: `${measure.kind === "rank" ? "thứ hạng" : "số lượng"} phải là số nguyên, đang là ${formatFigure(actual, measure)}`,
    };
  if (measure.min !== null && compare(actual, measure.min) < 0)
    return {
      ok: false,
      reason: `không được nhỏ hơn ${formatFigure(measure.min, measure)}, đang là ${formatFigure(actual, measure)}`,
    };
  if (measure.max !== null && compare(actual, measure.max) > 0)
    return {
      ok: false,
      reason: `không được lớn hơn ${formatFigure(measure.max, measure)}, đang là ${formatFigure(actual, measure)}`,
    };
  return { ok: true, figure: { kind: "number", value: actual } };
}

export interface Judgement {
  status: Status;
  met: boolean;
  /** Completion ratio (1 = 100%); null where none. */
  ratio: number | null;
  /** Why the figure was not accepted, when it was not. */
  error?: string;
}

const NONE: Judgement = { status: "Chưa có số liệu", met: false, ratio: null };

function judgeNumber(t: Target, a: number, tol: number): Status {
  const below = (v: number) => (compare(a, v * (1 - tol)) >= 0 ? "Cơ bản đạt" : "Không đạt");
  const above = (v: number) => (compare(a, v * (1 + tol)) <= 0 ? "Cơ bản đạt" : "Không đạt");
  switch (t.op) {
    case "gte":
      return compare(a, t.value) >= 0 ? (compare(a, t.value) > 0 ? "Vượt" : "Đạt") : below(t.value);
    case "gt":
      return compare(a, t.value) > 0 ? "Đạt" : below(t.value);
    case "lte":
      return compare(a, t.value) <= 0 ? (compare(a, t.value) < 0 ? "Vượt" : "Đạt") : above(t.value);
    case "lt":
      return compare(a, t.value) < 0 ? "Đạt" : above(t.value);
    case "range":
      return compare(a, t.min) >= 0 ? (compare(a, t.max) > 0 ? "Vượt" : "Đạt") : below(t.min);
    case "rank":
      return compare(a, t.value) <= 0 ? (compare(a, t.value) < 0 ? "Vượt" : "Đạt") : "Không đạt";
    default:
      return "Không đạt";
  }
}

function ratioOf(t: Target, a: number): number | null {
  switch (t.op) {
    case "gte":
    case "gt":
      return t.value === 0 ? null : round15(a / t.value);
    case "range":
      return t.min === 0 ? null : round15(a / t.min);
    case "lte":
    case "lt":
      return a === 0 ? null : round15(t.value / a);
    default:
      return null;
  }
}

/**
 * Judges one figure (as written) against its indicator's target. The single source of the
 * status rules: the sheet's native formulas and the custom functions are tested against it.
 */
export function judge(
  ind: JudgeInput,
  actual: ActualValue | undefined | boolean,
  tolerance = DEFAULT_TOLERANCE,
): Judgement {
  const check = checkFigure(ind, actual);
  if (!check.ok) return { ...NONE, error: check.reason };
  const f = check.figure;
  const t = ind.target;
  if (f.kind === "blank") return NONE;
  if (f.kind === "word") {
    if (t.op === "rating") {
      const have = RATING_LEVELS.indexOf(f.value as (typeof RATING_LEVELS)[number]);
      const want = RATING_LEVELS.indexOf(t.level);
      const status: Status = have <= want ? (have < want ? "Vượt" : "Đạt") : "Không đạt";
      return { status, met: status !== "Không đạt", ratio: null };
    }
    const status: Status = f.value === "Đạt" ? "Đạt" : "Không đạt";
    return { status, met: status === "Đạt", ratio: null };
  }
  const status = judgeNumber(t, f.value, tolerance);
  return { status, met: status === "Vượt" || status === "Đạt", ratio: ratioOf(t, f.value) };
}

/** True when the target is met by a figure with this status. */
export function isMet(status: Status): boolean {
  return status === "Vượt" || status === "Đạt";
}

/** Converts a cell value (Excel percentage 0.995 for "%" units) to the figure as written (99.5). */
export function figureFromCell(ind: JudgeInput, value: unknown): ActualValue | boolean {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return fromExcel(value, measureOf(ind));
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Judges a figure as a spreadsheet cell holds it (percentages as Excel percentages). */
export function judgeCell(ind: JudgeInput, value: unknown, tolerance = DEFAULT_TOLERANCE): Judgement {
  return judge(ind, figureFromCell(ind, value), tolerance);
}
