import { CELL_JUNK, cellJunk } from "./cell";
import { readTypedWord } from "./typed";
import { STATUS, type ActualValue, type Status, type TargetSpec } from "./model";
import { formatFigure, fromExcel, limitsOf, measureOf, toExcel } from "./measure";
import { parseVietnameseNumber, round15 } from "./numbers";
import { MET_STATUSES, STATUS_RULES, applyRule, targetBounds, wordPosition } from "./rules";
import { DEFAULT_TOLERANCE } from "./tolerance";

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

/** A word as Excel compares text: case-insensitively; the canonical word, or null. */

/** Checks one figure (as written: 99.5 means 99.5%) against the limits of measure.ts. */
export function checkFigure(spec: TargetSpec, actual: ActualValue | undefined | boolean): FigureCheck {
  if (actual === null || actual === undefined || (typeof actual === "string" && actual.trim() === ""))
    return { ok: true, figure: { kind: "blank" } };
  const measure = measureOf(spec);
  const shown = (v: number) => formatFigure(v, measure);
  for (const limit of limitsOf(measure)) {
    switch (limit.kind) {
      case "words": {
        const word = readTypedWord(actual, limit.words);
        if (word === null) return { ok: false, reason: `${limit.message}; đang là "${String(actual)}"` };
        return { ok: true, figure: { kind: "word", value: word } };
      }
      case "number":
        if (typeof actual !== "number" || !Number.isFinite(actual))
          return {
            ok: false,
            reason: `${limit.message}, đang là ${typeof actual === "string" ? `chữ "${actual}"` : String(actual)}`,
          };
        break;
      case "integer":
        if (!Number.isInteger(round15(actual as number)))
          return { ok: false, reason: `${limit.message}, đang là ${shown(actual as number)}` };
        break;
      case "min":
      case "max": {
        const c = compare(actual as number, limit.bound);
        if (limit.kind === "min" ? c < 0 : c > 0)
          return { ok: false, reason: `${limit.message}, đang là ${shown(actual as number)}` };
      }
    }
  }
  return { ok: true, figure: { kind: "number", value: actual as number } };
}

export interface Judgement {
  status: Status;
  met: boolean;
  /** Completion ratio (1 = 100%); null where none. */
  ratio: number | null;
  /** Why the figure was not accepted, when it was not. */
  error?: string;
}

const NONE: Judgement = { status: STATUS.noFigure, met: false, ratio: null };

/**
 * Judges one figure (as written) against its target by walking the rule table of rules.ts,
 * the same table the sheet's native formulas are generated from.
 */
export function judge(
  spec: TargetSpec,
  actual: ActualValue | undefined | boolean,
  tolerance = DEFAULT_TOLERANCE,
): Judgement {
  const check = checkFigure(spec, actual);
  if (!check.ok) return { ...NONE, error: check.reason };
  const f = check.figure;
  if (f.kind === "blank") return NONE;
  const rule = STATUS_RULES[spec.target.op];
  const { bound, stretch } = targetBounds(spec.target);
  const onScale = (v: number | string) => (typeof v === "number" ? v : wordPosition(rule.scale, v));
  const a = onScale(f.value);
  const b = onScale(bound);
  // checkFigure accepts only words of the rule's scale, so both are on it; this guards the types.
  if (a === null || b === null) return { status: STATUS.notMet, met: false, ratio: null };
  const status = applyRule(rule, a, b, stretch, tolerance, compare);
  let ratio: number | null = null;
  if (rule.ratio !== null && b !== 0) ratio = round15(a / b);
  return { status, met: (MET_STATUSES as readonly Status[]).includes(status), ratio };
}

/** Converts a cell value (Excel percentage 0.995 for "%" units) to the figure as written (99.5). */
export function figureFromCell(spec: TargetSpec, value: unknown): ActualValue | boolean {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return fromExcel(value, measureOf(spec));
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * A figure stored as text that reads unambiguously as a number of the indicator's measure ("80%",
 * "1.000.000", "99,5 %"), as the Excel cell value it should be; null when it does not, or when it
 * could be read two ways ("1.234": 1234 in Vietnamese, 1.234 on an English keyboard).
 */
export function textFigureValue(spec: TargetSpec, value: unknown): number | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  const text = value.trim();
  if (/^[-+]?\d{1,3}\.\d{3}\s*[%‰]?$/u.test(text)) return null;
  const n = parseVietnameseNumber(text);
  const m = measureOf(spec);
  if (!n || m.words !== null || (n.sign !== "" && n.sign !== m.sign)) return null;
  return toExcel(n.value, m);
}

/** Checks a figure as a spreadsheet cell holds it: errors, TRUE/FALSE and dates first (cell.ts). */
export function checkCell(spec: TargetSpec, value: unknown, numberFormat?: string): FigureCheck {
  const junk = cellJunk(value, numberFormat);
  if (junk) return { ok: false, reason: CELL_JUNK[junk] };
  return checkFigure(spec, figureFromCell(spec, value));
}

/** Judges a figure as a spreadsheet cell holds it (percentages as Excel percentages). */
export function judgeCell(
  spec: TargetSpec,
  value: unknown,
  tolerance = DEFAULT_TOLERANCE,
  numberFormat?: string,
): Judgement {
  const junk = cellJunk(value, numberFormat);
  if (junk) return { ...NONE, error: CELL_JUNK[junk] };
  return judge(spec, figureFromCell(spec, value), tolerance);
}
