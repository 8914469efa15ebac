import { cellJunk } from "./cell";
import { figureFromCell, judge, judgeCell, type Judgement } from "./judge";
import type { ActualValue, Indicator, Target, TargetSpec } from "./model";
import { prorates } from "./rules";
import { DEFAULT_TOLERANCE } from "./tolerance";
import { isCumulative } from "./cumulative";
export { isCumulative, proposeCumulative } from "./cumulative";
import { PERIOD_INFO, STATUSES, type Period, type Status } from "./words";
import { cleanTyped, readTypedWord } from "./typed";
export { PERIODS, PERIOD_INFO, type Period } from "./words";

/** Every level of a target times a share (a cumulative target pro-rated to a period). */
export function scaleTarget(t: Target, share: number): Target {
  const x = (v: number) => Number((v * share).toPrecision(12));
  if (!prorates(t.op)) return t;
  if ("min" in t) return { ...t, min: x(t.min), max: x(t.max) };
  // "of" is the whole a count is out of ("8/10 tổ dân phố"), not a level to reach: it stays.
  if ("value" in t) return { ...t, value: x(t.value) };
  return t;
}

/**
 * Judges a period's figure: a cumulative indicator before the year's end against its pro-rated
 * target, everything else against the target itself; the completion ratio of a cumulative
 * indicator is always against the full year's target ("đạt 54,3% kế hoạch năm").
 */
export function judgePeriod(
  ind: Indicator,
  figure: ActualValue | undefined | boolean,
  period: Period,
  tolerance = DEFAULT_TOLERANCE,
): Judgement {
  const cumulative = isCumulative(ind);
  const share = PERIOD_INFO[period].share;
  const spec: TargetSpec = cumulative && share < 1 ? { ...ind, target: scaleTarget(ind.target, share) } : ind;
  const j = judge(spec, figure, tolerance);
  if (!cumulative || share === 1 || j.ratio === null) return j;
  return { ...j, ratio: judge(ind, figure, tolerance).ratio };
}

/** judgePeriod for a figure as a spreadsheet cell holds it: junk in the cell is no figure (judgeCell). */
export function judgePeriodCell(
  ind: Indicator,
  value: unknown,
  period: Period,
  tolerance = DEFAULT_TOLERANCE,
  numberFormat?: string,
): Judgement {
  if (cellJunk(value, numberFormat)) return judgeCell(ind, value, tolerance, numberFormat);
  return judgePeriod(ind, figureFromCell(ind, value), period, tolerance);
}

/** Staff's own assessment for the year (semantics section 7). */
export interface Override {
  status: Status;
  reason: string;
}

/**
 * "Đánh giá lại" and "Lý do" as the sheet's check formula reads them: null when the assessment cell
 * is empty (after typed.ts's cleaning), else the status it names (null when it names none) and
 * whether the reason is missing (empty, or an error value).
 */
export function readAssessment(
  status: unknown,
  reason: unknown,
): { typed: string; status: Status | null; reasonMissing: boolean } | null {
  const typed = String(status ?? "");
  if (cleanTyped(typed) === "") return null;
  const reasonMissing = cellJunk(reason) === "error" || cleanTyped(String(reason ?? "")) === "";
  return { typed, status: cellJunk(status) ? null : readTypedWord(status, STATUSES), reasonMissing };
}

/** The year's final status: staff's when they chose one of the five words (as typed.ts reads it), else the rule's. */
export function finalStatus(rule: Status, override: { status: string } | undefined): Status {
  return readTypedWord(override?.status, STATUSES) ?? rule;
}
