import { STATUS_RULES, type TargetOp } from "./rules";
import { QUALITATIVE_ANSWERS, RATING_LEVELS, quotedWords } from "./words";
import { formatVietnameseNumber } from "./numbers";

/**
 * The figure check as data: what kind of figure an indicator takes (from its unit and target
 * kind), which values it accepts, how Excel holds it, and the Vietnamese words for each limit.
 * The core's check, the sheet's check formula, its data validation and its prompts all read
 * this table.
 */
export type MeasureKind =
  | "percent"
  | "percentChange"
  | "percentOfPlan"
  | "permille"
  | "money"
  | "moneyChange"
  | "measure"
  | "measureChange"
  | "count"
  | "countChange"
  | "rank"
  | "rating"
  | "qualitative"
  | "number";

interface MeasureRow {
  /** Words the figure must be one of; null for numbers. */
  words: readonly string[] | null;
  /** Bounds as written (99 means 99%); "of" is the target's total ("7/7 tổ dân phố"). */
  min: number | null;
  max: number | null | "of";
  integer: boolean;
  /** Multiply a figure as written by this to get the Excel cell value. */
  excelScale: number;
  /** The sign written after a figure in messages. */
  sign: "" | "%" | "‰";
  numFmt: string;
  /** The data validation prompt of the figure cell. */
  prompt: string;
}

const PERCENT = { words: null, integer: false, excelScale: 0.01, sign: "%", numFmt: "0.0#%" } as const;
const PLAIN = { words: null, excelScale: 1, sign: "" } as const;

export const MEASURES: Record<MeasureKind, MeasureRow> = {
  percent: { ...PERCENT, min: 0, max: 100, prompt: "Nhập tỷ lệ phần trăm từ 0% đến 100%, ví dụ 99,5%." },
  percentChange: { ...PERCENT, min: null, max: null, prompt: "Nhập mức tăng/giảm theo phần trăm, ví dụ 10%." },
  percentOfPlan: { ...PERCENT, min: 0, max: null, prompt: "Nhập tỷ lệ phần trăm so với kế hoạch, ví dụ 105%." },
  permille: {
    ...PLAIN,
    sign: "‰",
    min: 0,
    max: 1000,
    integer: false,
    numFmt: '0.0#"‰"',
    prompt: "Nhập số phần nghìn (‰) từ 0 đến 1.000, ví dụ 11.",
  },
  money: {
    ...PLAIN,
    min: 0,
    max: null,
    integer: false,
    numFmt: "#,##0",
    prompt: "Nhập số tiền (không âm) theo đơn vị tính.",
  },
  moneyChange: {
    ...PLAIN,
    min: null,
    max: null,
    integer: false,
    numFmt: "#,##0",
    prompt: "Nhập mức tăng/giảm theo đơn vị tính.",
  },
  measure: {
    ...PLAIN,
    min: 0,
    max: null,
    integer: false,
    numFmt: "General",
    prompt: "Nhập số liệu (không âm) theo đơn vị tính.",
  },
  measureChange: {
    ...PLAIN,
    min: null,
    max: null,
    integer: false,
    numFmt: "General",
    prompt: "Nhập mức tăng/giảm theo đơn vị tính.",
  },
  // Whole numbers show the same in "General", which (unlike "0") keeps TRUE/FALSE recognisable in LibreOffice.
  count: {
    ...PLAIN,
    min: 0,
    max: "of",
    integer: true,
    numFmt: "General",
    prompt: "Nhập số lượng là số nguyên không âm.",
  },
  countChange: {
    ...PLAIN,
    min: null,
    max: null,
    integer: true,
    numFmt: "General",
    prompt: "Nhập mức tăng/giảm là số nguyên.",
  },
  rank: {
    ...PLAIN,
    min: 1,
    max: null,
    integer: true,
    numFmt: "General",
    prompt: "Nhập thứ hạng là số nguyên từ 1 (1 là cao nhất).",
  },
  rating: {
    ...PLAIN,
    words: RATING_LEVELS,
    min: null,
    max: null,
    integer: false,
    numFmt: "General",
    prompt: "Chọn mức xếp loại trong danh sách.",
  },
  qualitative: {
    ...PLAIN,
    words: QUALITATIVE_ANSWERS,
    min: null,
    max: null,
    integer: false,
    numFmt: "General",
    prompt: `Chọn ${quotedWords(QUALITATIVE_ANSWERS)}.`,
  },
  number: { ...PLAIN, min: null, max: null, integer: false, numFmt: "General", prompt: "Nhập một con số." },
};

export interface Measure extends Omit<MeasureRow, "max"> {
  kind: MeasureKind;
  max: number | null;
}

/** What measureOf needs: the unit, the phrase, the target's kind and its total. */
export interface MeasureInput {
  unit: string;
  targetText?: string | undefined;
  target: { op: TargetOp; of?: number | undefined };
}

const CHANGE_RE = /(?:^|[^\p{L}])(?:tăng|giảm)(?!\s+(?:còn|xuống|lên))/u;

export function isChange(spec: MeasureInput): boolean {
  return /^%\s*(?:\/|so với)/u.test(spec.unit) || CHANGE_RE.test((spec.targetText ?? "").toLowerCase());
}

/** The kind of figure an indicator takes, from its unit, its phrase and its target kind. */
export function measureKind(spec: MeasureInput): MeasureKind {
  const shape = STATUS_RULES[spec.target.op].shape;
  if (shape !== "comparison" && shape !== "range") return shape;
  const unit = spec.unit.trim().toLowerCase();
  const change = isChange(spec);
  if (unit === "") return "number";
  if (unit.startsWith("%")) return change ? "percentChange" : unit === "%" ? "percent" : "percentOfPlan";
  if (unit.startsWith("‰")) return "permille";
  if (/(?:^|[^\p{L}])(?:đồng|usd)(?!\p{L})/u.test(unit)) return change ? "moneyChange" : "money";
  if (unit.includes("/") || /^(?:km2|km²|m2|m²|m3|m³|ha|km|m|tấn|kg|tạ|lít|kwh|mw|điểm|giờ|phút)$/u.test(unit))
    return change ? "measureChange" : "measure";
  return change ? "countChange" : "count";
}

const MEASURED = new WeakMap<object, { unit: string; targetText: unknown; target: unknown; measure: Measure }>();

/** The measure of a figure for a target; kept per target object (a 2,000-row sheet asks many times). */
export function measureOf(spec: MeasureInput): Measure {
  const seen = MEASURED.get(spec);
  if (seen && seen.unit === spec.unit && seen.targetText === spec.targetText && seen.target === spec.target)
    return seen.measure;
  const kind = measureKind(spec);
  const row = MEASURES[kind];
  const measure: Measure = { ...row, kind, max: row.max === "of" ? (spec.target.of ?? null) : row.max };
  MEASURED.set(spec, { unit: spec.unit, targetText: spec.targetText, target: spec.target, measure });
  return measure;
}

/** Converts a figure as written to the Excel cell value (99.5 → 0.995 for percentages). */
export function toExcel(value: number, measure: Measure): number {
  return measure.excelScale === 1 ? value : Number((value * measure.excelScale).toPrecision(15));
}

/** Converts an Excel cell value to the figure as written (0.995 → 99.5 for percentages). */
export function fromExcel(value: number, measure: Measure): number {
  return measure.excelScale === 1 ? value : Number((value / measure.excelScale).toPrecision(15));
}

/** Decimals of a figure as written (0.55 → 2), at most 6. */
function decimalsOf(v: number): number {
  const t = String(Number(v.toPrecision(12)));
  const dot = t.indexOf(".");
  return t.includes("e") || dot < 0 ? 0 : Math.min(6, t.length - dot - 1);
}

/**
 * The number format of a figure cell: the measure's own ("0.0#%", "#,##0"), or with as many
 * decimals as the figure has when it has more, so 0,55% and 30.387,5 show as typed.
 */
export function figureFormat(m: Measure, excelValue?: unknown): string {
  const base = m.numFmt;
  if (typeof excelValue !== "number" || !Number.isFinite(excelValue) || base === "General") return base;
  const d = decimalsOf(fromExcel(excelValue, m));
  const shown = /^[#,0]+(?:\.([0#]*))?/.exec(base);
  if (!shown || d <= (shown[1] ?? "").length) return base;
  return base.replace(/^([#,0]+)(?:\.[0#]*)?/, (_, int: string) => `${int}.${"0".repeat(d)}`);
}

/** A figure as written, with its sign: "99,5%", "11‰", "27.625". */
export function formatFigure(value: number, measure: Measure): string {
  return `${formatVietnameseNumber(value)}${measure.sign}`;
}

/** One limit a figure must keep, in the order they are checked, with its Vietnamese words. */
export type Limit =
  | { kind: "number"; message: string }
  | { kind: "words"; words: readonly string[]; message: string }
  | { kind: "integer"; message: string }
  | { kind: "min" | "max"; bound: number; message: string };

export function limitsOf(m: Measure): Limit[] {
  if (m.words)
    return [
      {
        kind: "words",
        words: m.words,
        message: `cần một trong các giá trị: ${m.words.map((w) => `"${w}"`).join(", ")}`,
      },
    ];
  const limits: Limit[] = [{ kind: "number", message: "cần một con số" }];
  if (m.integer)
    limits.push({ kind: "integer", message: `${m.kind === "rank" ? "thứ hạng" : "số lượng"} phải là số nguyên` });
  if (m.min !== null)
    limits.push({ kind: "min", bound: m.min, message: `không được nhỏ hơn ${formatFigure(m.min, m)}` });
  if (m.max !== null)
    limits.push({ kind: "max", bound: m.max, message: `không được lớn hơn ${formatFigure(m.max, m)}` });
  return limits;
}
