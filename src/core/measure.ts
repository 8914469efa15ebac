import type { Indicator, Target } from "./model";
import { formatVietnameseNumber } from "./numbers";

/** What kind of figure an indicator takes; decides validation, Excel scale and number format. */
export type MeasureKind =
  | "percent"
  | "percentChange"
  | "percentOfPlan"
  | "permille"
  | "money"
  | "measure"
  | "count"
  | "rank"
  | "rating"
  | "qualitative"
  | "number";

export interface Measure {
  kind: MeasureKind;
  /** Bounds as written (99 means 99%); null when open. */
  min: number | null;
  max: number | null;
  integer: boolean;
  /** Multiply a figure as written by this to get the Excel cell value (0.01 for percentages). */
  excelScale: number;
}

const CHANGE_RE = /(?<!\p{L})(?:tăng|giảm)(?!\s+(?:còn|xuống|lên))/u;

type MeasureInput = Pick<Indicator, "unit" | "target"> & Partial<Pick<Indicator, "targetText">>;

export function isChange(ind: MeasureInput): boolean {
  return /^%\s*(?:\/|so với)/u.test(ind.unit) || CHANGE_RE.test((ind.targetText ?? "").toLowerCase());
}

export function measureOf(ind: MeasureInput): Measure {
  const t: Target = ind.target;
  const unit = ind.unit.trim().toLowerCase();
  const m = (kind: MeasureKind, min: number | null, max: number | null, integer = false, excelScale = 1): Measure => ({
    kind,
    min,
    max,
    integer,
    excelScale,
  });
  if (t.op === "rating") return m("rating", null, null);
  if (t.op === "qualitative") return m("qualitative", null, null);
  if (t.op === "rank") return m("rank", 1, null, true);
  const change = isChange(ind);
  if (unit === "") return m("number", null, null);
  if (unit.startsWith("%")) {
    if (change) return m("percentChange", null, null, false, 0.01);
    if (unit === "%") return m("percent", 0, 100, false, 0.01);
    return m("percentOfPlan", 0, null, false, 0.01);
  }
  if (unit.startsWith("‰")) return m("permille", 0, 1000);
  if (/(?<!\p{L})(?:đồng|usd)(?!\p{L})/u.test(unit)) return m("money", change ? null : 0, null);
  if (unit.includes("/") || /^(?:km2|km²|m2|m²|m3|m³|ha|km|m|tấn|kg|tạ|lít|kwh|mw|điểm|giờ|phút)$/u.test(unit))
    return m("measure", change ? null : 0, null);
  const of = "of" in t && t.of !== undefined ? t.of : null;
  return m("count", change ? null : 0, of, true);
}

/** Converts a figure as written to the Excel cell value (99.5 → 0.995 for percentages). */
export function toExcel(value: number, measure: Measure): number {
  return measure.excelScale === 1 ? value : Number((value * measure.excelScale).toPrecision(15));
}

/** Converts an Excel cell value to the figure as written (0.995 → 99.5 for percentages). */
export function fromExcel(value: number, measure: Measure): number {
  return measure.excelScale === 1 ? value : Number((value / measure.excelScale).toPrecision(15));
}

/** A figure as written, with its sign: "99,5%", "11‰", "27.625". */
export function formatFigure(value: number, measure: Measure): string {
  const sign = measure.excelScale !== 1 ? "%" : measure.kind === "permille" ? "‰" : "";
  return `${formatVietnameseNumber(value)}${sign}`;
}
