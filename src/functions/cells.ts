import { checkFigure, figureFromCell, judge, type Judgement } from "../core/judge";
import type { Status, TargetSpec } from "../core/model";
import { DEFAULT_TOLERANCE, readTolerance as toleranceOf } from "../core/tolerance";
import { NUMBER_SOURCE, parseVietnameseNumber, parseNumberToken } from "../core/numbers";
import { parseTargetPhrase } from "../core/target";
import { previousChange } from "../core/previous";
import { normalizeText } from "../core/text";

/**
 * What the CHITIEU functions compute, from cell values as Excel passes them, with no
 * Office dependency: functions.ts only turns a CellError into CustomFunctions.Error.
 */
export class CellError {
  constructor(
    readonly code: "invalidValue" | "notAvailable",
    readonly message: string,
  ) {}
}

export type Cell = unknown;

const isBlank = (v: Cell) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A target from a cell: a number means "at least"; text is a phrase as a resolution writes it. */
export function readTarget(v: Cell): TargetSpec | CellError {
  if (typeof v === "number" && Number.isFinite(v)) return { target: { op: "gte", value: v }, unit: "" };
  if (typeof v === "string" && !isBlank(v)) {
    // A number typed as text ("98", "27.625") means "at least", as the number itself does.
    const n = parseVietnameseNumber(v);
    if (n && n.sign === "") return { target: { op: "gte", value: n.value }, unit: "" };
    const r = parseTargetPhrase(v);
    if (!r.ok) return new CellError("invalidValue", r.message);
    return { target: r.value.target, unit: r.value.unit, targetText: v };
  }
  return new CellError(
    "invalidValue",
    isBlank(v)
      ? 'Chưa có chỉ tiêu: nhập một con số hoặc cụm từ như "trên 99%".'
      : `Chỉ tiêu phải là con số hoặc cụm từ như "trên 99%", không phải ${String(v)}.`,
  );
}

function judged(actual: Cell, target: Cell, tolerance: number): Judgement | CellError {
  const t = readTarget(target);
  if (t instanceof CellError) return t;
  const figure = figureFromCell(t, isBlank(actual) ? null : actual);
  const check = checkFigure(t, figure);
  if (!check.ok) return new CellError("invalidValue", `Số liệu thực hiện ${check.reason}.`);
  return judge(t, figure, tolerance);
}

export function readTolerance(v: Cell): number | CellError {
  if (isBlank(v)) return DEFAULT_TOLERANCE;
  const t = toleranceOf(v);
  return t.ok ? t.value : new CellError("invalidValue", t.message);
}

export function dat(actual: Cell, target: Cell): boolean | CellError {
  const j = judged(actual, target, DEFAULT_TOLERANCE);
  return j instanceof CellError ? j : j.met;
}

export function danhGia(actual: Cell, target: Cell, tolerance: Cell): Status | CellError {
  const t = readTolerance(tolerance);
  if (t instanceof CellError) return t;
  const j = judged(actual, target, t);
  return j instanceof CellError ? j : j.status;
}

export function tyLe(actual: Cell, target: Cell): number | CellError {
  const j = judged(actual, target, DEFAULT_TOLERANCE);
  if (j instanceof CellError) return j;
  return (
    j.ratio ??
    new CellError(
      "notAvailable",
      "Chỉ tiêu này không có tỷ lệ hoàn thành (chưa có số liệu, thứ hạng, xếp loại, định tính hoặc mức 0).",
    )
  );
}

const TOKEN_RE = new RegExp(`(?:^|[^\\p{L}\\d])(?<token>[-−]?${NUMBER_SOURCE}\\s*[%‰]?)`, "gu");

/** The number in a Vietnamese text: "27.625" → 27625, "99,5%" → 0.995 (an Excel percentage). */
export function so(text: Cell): number | CellError {
  if (typeof text === "number") return text;
  if (typeof text !== "string" || isBlank(text))
    return new CellError("invalidValue", 'Cần một văn bản có số, ví dụ "27.625" hoặc "99,5%".');
  if (/\d\s*[eE][+-]?\d/u.test(text))
    return new CellError("invalidValue", `"${text}" viết kiểu số mũ; hãy viết đủ chữ số, ví dụ "100.000".`);
  const whole = parseVietnameseNumber(text);
  const tokens = whole ? [text] : [...normalizeText(text).matchAll(TOKEN_RE)].map((m) => m.groups!.token!);
  if (tokens.length !== 1)
    return new CellError(
      "invalidValue",
      tokens.length === 0
        ? `Không thấy con số nào trong "${text}".`
        : `Có ${tokens.length} con số trong "${text}"; chỉ được một.`,
    );
  const n = parseVietnameseNumber(tokens[0]!);
  if (!n || parseNumberToken(tokens[0]!.replace(/[-−%‰\s]/gu, "")) === null)
    return new CellError("invalidValue", `Không đọc được số trong "${text}".`);
  return n.sign === "%" ? Number((n.value / 100).toPrecision(15)) : n.value;
}

/**
 * The figure ÷ the same period last year, as the sheet's "So với cùng kỳ" column (core/previous):
 * numbers only, none for a previous 0. With a target, a figure the sheet would refuse is an error
 * and a rank, rating or qualitative target has no comparison.
 */
export function soCungKy(actual: Cell, previous: Cell, target: Cell): number | CellError {
  let spec: Pick<TargetSpec, "target"> = { target: { op: "gte", value: 0 } };
  if (!isBlank(target)) {
    const t = readTarget(target);
    if (t instanceof CellError) return t;
    const check = checkFigure(t, figureFromCell(t, isBlank(actual) ? null : actual));
    if (!check.ok) return new CellError("invalidValue", `Số liệu thực hiện ${check.reason}.`);
    spec = t;
  }
  return (
    previousChange(spec, actual, previous) ??
    new CellError(
      "notAvailable",
      "Không so được với cùng kỳ: cần số liệu và số cùng kỳ là hai con số, cùng kỳ khác 0 (thứ hạng, xếp loại, định tính không so).",
    )
  );
}

/**
 * Applies fn to figures and targets given as single values or ranges: one side may be a
 * single cell; otherwise both must have the same shape. Errors stay in their own cells.
 */
export function overCells<T>(
  a: Cell[][],
  b: Cell[][],
  fn: (x: Cell, y: Cell) => T | CellError,
  second = "vùng chỉ tiêu",
): (T | CellError)[][] {
  const single = (m: Cell[][]) => m.length === 1 && m[0]!.length === 1;
  if (!single(a) && !single(b) && (a.length !== b.length || a[0]!.length !== b[0]!.length))
    return [
      [
        new CellError(
          "invalidValue",
          `Vùng số liệu (${a.length}×${a[0]!.length}) và ${second} (${b.length}×${b[0]!.length}) phải cùng kích thước, hoặc một bên là một ô.`,
        ),
      ],
    ];
  const shape = single(a) ? b : a;
  return shape.map((row, i) => row.map((_, j) => fn(single(a) ? a[0]![0] : a[i]![j], single(b) ? b[0]![0] : b[i]![j])));
}
