import { fromExcel, limitsOf, measureOf, toExcel, type Measure } from "../core/measure";
import {
  QUALITATIVE,
  ResolutionSchema,
  allIndicators,
  type ActualValue,
  type Indicator,
  type Problem,
  type Resolution,
  type Target,
} from "../core/model";
import { STATUS_RULES, type Shape, type TargetOp } from "../core/rules";
import { formatVietnameseNumber, parseVietnameseNumber } from "../core/numbers";
import { sectionOfId } from "../core/ids";
import { ratingLevel, formatTarget } from "../core/target";
import { DEFAULT_TOLERANCE, formatTolerance, readToleranceCell } from "../core/tolerance";
import { proposeCumulative } from "../core/cumulative";
import { PERIODS, type Period } from "../core/periods";
import { readAssigned } from "../core/assigned";
import {
  assignedCheckFormula,
  assignedRatioFormula,
  assignedStatusFormula,
  changeFormula,
  checkFormula,
  cumulativeOnFormula,
  finalFormula,
  ratioFormula,
  reasonCheckFormula,
  statusFormula,
} from "./formulas";
import {
  CUMULATIVE_WORDS,
  HEADING_LABELS,
  assignedKey,
  cumulativeCell,
  OP_LABELS,
  col,
  colIndex,
  periodKey,
  type ColumnKey,
  type Layout,
} from "./layout";
import { filled, type CellPlan, type CellValue } from "./sheet-plan";
import type { ExistingRow, ExistingSheet, LooseRow } from "./sheet-read";
import { cellOfWritten, type Content, type RowContent } from "../core/content";
import { readAssessment } from "../core/periods";

/**
 * The one codec of the tracking sheet: what a row (and the heading) holds, written by
 * encodeRow/encodeHeading and read back by readBack. Figures stay in Excel form end to end.
 */

/** A figure as written (99.5 means 99.5%) in Excel form: percentages as Excel percentages, words canonical. */
export const figureCell = (ind: Indicator, value: ActualValue | undefined): CellValue =>
  asCell(cellOfWritten(ind, value));

/** A value read from anywhere as a cell can hold it (a Date or an object becomes its text). */
export const asCell = (v: unknown): CellValue =>
  v === undefined || v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean"
    ? (v ?? null)
    : String(v);

/** The "Mức chỉ tiêu" and "Mức tối đa" cells: bound, and the range's max or the N/M total. */
function targetCells(t: Target, m: Measure): [CellValue, CellValue] {
  if ("min" in t) return [toExcel(t.min, m), toExcel(t.max, m)];
  if ("level" in t) return [t.level, null];
  if (!("value" in t)) return [QUALITATIVE.met, null];
  const of = "of" in t && t.of !== undefined ? toExcel(t.of, m) : null;
  return [toExcel(t.value, m), of];
}

/** What a row's target columns hold for an indicator: kind label, bound, stretch and unit (Excel form). */
export function targetColumns(ind: Indicator): { op: string; value: CellValue; max: CellValue; unit: string } {
  const [value, max] = targetCells(ind.target, measureOf(ind));
  return { op: OP_LABELS[ind.target.op], value, max, unit: ind.unit };
}

/** The cells of one indicator's row, formulas included. */
export function encodeRow(
  ind: Indicator,
  sectionId: string,
  row: number,
  layout: Layout,
  content: RowContent = { figures: {} },
): CellPlan[] {
  const m = measureOf(ind);
  const [value, max] = targetCells(ind.target, m);
  const cumulative = ind.cumulative ?? content.cumulative ?? proposeCumulative(ind);
  // The check formula follows from the figure's limits alone.
  const stt = ind.id.slice(sectionId.length + 1) || ind.id;
  const checkKey = `check ${m.sign} ${JSON.stringify(limitsOf(m))}`;
  const cells: Partial<Record<ColumnKey, Omit<CellPlan, "row" | "col">>> = {
    id: { value: ind.id },
    // A number where it is one ("3"), so Excel shows no "number stored as text"; "2.a" stays text.
    no: { value: /^\d{1,9}$/u.test(stt) ? Number(stt) : stt },
    text: { value: ind.text },
    unit: { value: ind.unit },
    targetText: { value: ind.targetText ?? formatTarget(ind.target, ind.unit) },
    cumulative: { value: CUMULATIVE_WORDS[cumulative ? 0 : 1] },
    cumulativeOn: { formula: cumulativeOnFormula(layout, row), share: "cumulativeOn" },
    op: { value: OP_LABELS[ind.target.op] },
    value: { value },
  };
  for (const period of layout.periods) {
    const at = { layout, row, period };
    const figure = asCell(content.figures[period]);
    if (filled(figure)) cells[periodKey("actual", period)] = { value: figure };
    cells[periodKey("ratio", period)] = { formula: ratioFormula(at), share: "ratio" };
    cells[periodKey("status", period)] = { formula: statusFormula(at), share: "status" };
    cells[periodKey("check", period)] = { formula: checkFormula(at, m), share: checkKey };
    const previous = asCell(content.previous?.[period]);
    if (filled(previous)) cells[periodKey("previous", period)] = { value: previous };
    cells[periodKey("change", period)] = { formula: changeFormula(at), share: "change" };
  }
  if (layout.index.has("final")) {
    cells.final = { formula: finalFormula(layout, row), share: "final" };
    cells.reasonCheck = { formula: reasonCheckFormula(layout, row), share: "reasonCheck" };
    if (filled(content.override?.status)) cells.override = { value: content.override.status };
    if (filled(content.override?.reason)) cells.reason = { value: content.override.reason };
  }
  if (content.note) cells.note = { value: content.note };
  if (max !== null) cells.max = { value: max };
  if (layout.assignedBy !== undefined) Object.assign(cells, assignedCells(ind, row, layout, content.assigned));
  return Object.entries(cells).map(([key, c]) => ({ row, col: colIndex(key as ColumnKey, layout), ...c }));
}

/**
 * The assigned target's cells: the phrase as typed, its reading in the technical cells the formulas
 * use (kind, bound, stretch) with the phrase it was read from, and per period its ratio and status.
 */
function assignedCells(
  ind: Indicator,
  row: number,
  layout: Layout,
  phrase: string | undefined,
): Partial<Record<ColumnKey, Omit<CellPlan, "row" | "col">>> {
  const cells: Partial<Record<ColumnKey, Omit<CellPlan, "row" | "col">>> = {
    assignedCheck: { formula: assignedCheckFormula(layout, row), share: "assignedCheck" },
  };
  for (const period of layout.periods) {
    const at = { layout, row, period };
    cells[assignedKey("assignedRatio", period)] = { formula: assignedRatioFormula(at), share: "assignedRatio" };
    cells[assignedKey("assignedStatus", period)] = { formula: assignedStatusFormula(at), share: "assignedStatus" };
  }
  if (phrase === undefined || phrase.trim() === "") return cells;
  cells.assignedText = { value: phrase };
  for (const [key, value] of Object.entries(assignedReading(ind, phrase)))
    if (filled(value)) cells[key as AssignedTechnical] = { value };
  return cells;
}

type AssignedTechnical = "assignedOp" | "assignedValue" | "assignedMax" | "assignedRead";

/**
 * The technical cells of an assigned phrase, as the formulas read them: its kind, bound and stretch
 * (Excel form, the indicator's unit), and the phrase they were read from; blank kind and levels
 * when it cannot be read (the check column then says so). Writing a sheet and reading a phrase
 * staff typed in Excel both use this.
 */
export function assignedReading(ind: Indicator, phrase: string): Record<AssignedTechnical, CellValue> {
  const text = phrase.trim();
  const read = text === "" ? null : readAssigned(ind, text);
  if (!read?.ok) return { assignedOp: null, assignedValue: null, assignedMax: null, assignedRead: text || null };
  const t = targetColumns(read.spec);
  return { assignedOp: t.op, assignedValue: t.value, assignedMax: t.max, assignedRead: text };
}

/** A phrase cell as staff typed it: Excel makes "95%" typed into a General cell the number 0,95 formatted "0%". */
export function typedPhrase(value: unknown, numberFormat?: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) {
    const percent = typeof numberFormat === "string" && numberFormat.includes("%");
    return percent
      ? `${formatVietnameseNumber(Number((value * 100).toPrecision(15)))}%`
      : formatVietnameseNumber(value);
  }
  return value === null || value === undefined ? "" : String(value).trim();
}

/**
 * Rows whose assigned phrase (as typed, by sheet row) is not the one their technical cells were
 * read from: the cells to write, the phrase itself as text included (so the check compares text).
 */
export function assignedUpdates(
  back: ReadBack,
  typed: ReadonlyMap<number, string>,
): { row: number; id: string; cells: Partial<Record<ColumnKey, CellValue>> }[] {
  const byId = new Map(allIndicators(back.resolution).map((i) => [i.id, i]));
  return back.sheet.rows.flatMap((r) => {
    const ind = byId.get(r.id);
    const phrase = typed.get(r.row) ?? "";
    const before = String(r.cells.assignedRead ?? "").trim();
    const asText = typeof r.cells.assignedText === "string" || phrase === "";
    if (!ind || (phrase === before && asText)) return [];
    return [{ row: r.row, id: r.id, cells: { assignedText: phrase || null, ...assignedReading(ind, phrase) } }];
  });
}

/** The heading: the title and the organisation as they are, the year, and a subtitle for people. */
export function encodeHeading(r: Resolution, rows: { title: number; subtitle: number }, layout: Layout): CellPlan[] {
  const subtitle = [r.organization, r.year !== null ? `Năm ${r.year}` : ""].filter(Boolean).join(" — ");
  const label = colIndex("op", layout);
  return [
    { row: rows.title, col: 1, value: r.title },
    { row: rows.subtitle, col: 1, value: subtitle },
    { row: rows.title, col: label, value: HEADING_LABELS.organization },
    { row: rows.title, col: label + 1, value: r.organization },
    { row: rows.subtitle, col: label, value: HEADING_LABELS.year },
    { row: rows.subtitle, col: label + 1, value: r.year },
  ];
}

const OPS = new Map(Object.entries(OP_LABELS).map(([op, label]) => [label, op as TargetOp]));

const num = (v: unknown): number | null => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") return parseVietnameseNumber(v)?.value ?? null;
  return null;
};

/** An indicator from its row's own cells: the target is what the row's formulas read. */
function decodeRow(id: string, c: Partial<Record<ColumnKey, unknown>>, where: (key: ColumnKey) => string) {
  const op = OPS.get(String(c.op ?? "").trim());
  if (!op) return { problem: `“Kiểu chỉ tiêu” (${where("op")}) phải là một trong ${[...OPS.keys()].join(", ")}.` };
  const unit = String(c.unit ?? "").trim();
  const targetText = typeof c.targetText === "string" && c.targetText.trim() !== "" ? c.targetText.trim() : undefined;
  const m = measureOf({ unit, targetText, target: { op } });
  const v = num(c.value);
  const max = num(c.max);
  const scaled = (x: number) => fromExcel(x, m);
  const shape = STATUS_RULES[op].shape;
  // Each shape's fields from the cells; the cast is safe because `op` has this shape.
  const read: Record<Shape, () => object | null> = {
    qualitative: () => ({ op }),
    rating: () => {
      const level = ratingLevel(String(c.value ?? "").trim());
      return level ? { op, level } : null;
    },
    range: () => (v !== null && max !== null ? { op, min: scaled(v), max: scaled(max) } : null),
    rank: () => (v !== null && Number.isInteger(v) && v >= 1 ? { op, value: v } : null),
    comparison: () =>
      v === null ? null : max === null ? { op, value: scaled(v) } : { op, value: scaled(v), of: scaled(max) },
  };
  const target = read[shape]() as Target | null;
  if (!target)
    return {
      problem: `“Mức chỉ tiêu” (${where("value")}${shape === "range" ? ` và ${where("max")}` : ""}) không đọc được cho kiểu “${OP_LABELS[op]}”.`,
    };
  const text = String(c.text ?? "").trim() || id;
  const indicator: Indicator = { id, text, unit, target, ...(targetText ? { targetText } : {}) };
  // "Cộng dồn" is kept on the indicator only where staff made it differ from the core's proposal. Where
  // the sheet has the column, it is "Có" or not, as its formulas read it (a word they cannot read is "Không").
  const chosen = "cumulative" in c ? cumulativeCell(c.cumulative) === true : null;
  if (chosen !== null && chosen !== proposeCumulative(indicator)) indicator.cumulative = chosen;
  return { indicator };
}

export interface ReadBack {
  sheet: ExistingSheet;
  /** The resolution the sheet stands for, or the fallback when the sheet's cannot be read. */
  resolution: Resolution;
  /** True when `resolution` was read from the sheet. */
  own: boolean;
  /**
   * What staff put in the sheet (the first row of each Mã), with the sheet's tolerance when it is
   * valid, else the default (and a problem says why).
   */
  content: Content & { tolerance: number; estimates: readonly Period[]; year: number | null };
  problems: Problem[];
}

/** What staff typed in one row of a sheet, as the content type holds it. */
export function rowContentOf(r: ExistingRow | LooseRow): RowContent {
  const cells: Partial<Record<ColumnKey, unknown>> = "cells" in r ? r.cells : {};
  const assessment = readAssessment(cells.override, cells.reason);
  const chosen = cumulativeCell(cells.cumulative);
  const previous: Partial<Record<Period, unknown>> = {};
  for (const p of PERIODS) {
    const v = cells[periodKey("previous", p)];
    if (filled(asCell(v))) previous[p] = asCell(v);
  }
  return {
    figures: r.figures,
    ...(Object.keys(previous).length > 0 ? { previous } : {}),
    formats: r.formats,
    ...(r.note.trim() !== "" ? { note: r.note } : {}),
    ...(assessment ? { override: { status: assessment.typed, reason: String(cells.reason ?? "").trim() } } : {}),
    ...(chosen !== null ? { cumulative: chosen } : {}),
    ...(typeof cells.assignedText === "string" && cells.assignedText.trim() !== ""
      ? { assigned: cells.assignedText.trim() }
      : {}),
  };
}

/**
 * The year a tracking sheet belongs to, from its mark: the cell beside the heading label "Năm"
 * (encodeHeading); sheets made before the labels have only the subtitle "<organisation> — Năm <year>".
 * Null when it says none (a resolution without a year).
 */
export function sheetYear(sheet: Pick<ExistingSheet, "meta" | "heading">): number | null {
  if ("year" in sheet.meta) {
    const y = num(sheet.meta.year);
    return y !== null && Number.isInteger(y) && y > 0 ? y : null;
  }
  return Number(/Năm (\d{4})/u.exec(sheet.heading[1] ?? "")?.[1]) || null;
}

/**
 * Reads a tracking sheet back: the resolution from its own cells (rows found by Mã, so sorted or
 * moved rows stay in their section), its tolerance, figures and notes, and what could not be read.
 */
export function readBack(sheet: ExistingSheet, fallback: Resolution): ReadBack {
  const problems: Problem[] = [];
  const indicators: Indicator[] = [];
  const rows: Content["rows"] = {};
  for (const r of [...sheet.rows].sort((a, b) => a.row - b.row)) {
    if (r.id in rows) continue;
    rows[r.id] = rowContentOf(r);
    // Cells are named where the sheet has them now (staff may have moved columns).
    const where = (key: ColumnKey) => `ô ${sheet.columns[key] ?? col(key)}${r.row}`;
    const d = decodeRow(r.id, r.cells, where);
    if ("problem" in d) problems.push({ id: r.id, severity: "error", message: `Chỉ tiêu ${r.id}: ${d.problem}` });
    else indicators.push(d.indicator);
  }

  let tolerance = DEFAULT_TOLERANCE;
  if (sheet.tolerance !== undefined) {
    const t = readToleranceCell(sheet.tolerance);
    if (t.ok) tolerance = t.value;
    else
      problems.push({
        severity: "error",
        message: `Ô dung sai của sổ: ${t.message}. Đang dùng ${formatTolerance(DEFAULT_TOLERANCE)}.`,
      });
  }

  const sectionIds = sheet.sections.map((s) => s.id);
  const ids = [...new Set([...sectionIds, ...indicators.map((i) => sectionOfId(i.id, sectionIds))])];
  const [title = "Nghị quyết", subtitle = ""] = sheet.heading;
  const year = sheetYear(sheet);
  const organization =
    sheet.meta.organization !== undefined
      ? String(sheet.meta.organization ?? "")
      : subtitle.replace(/\s*—?\s*Năm \d{4}\s*$/u, "").trim();
  const candidate = {
    title,
    organization,
    year,
    sections: ids.map((id) => ({
      id,
      title: sheet.sections.find((s) => s.id === id)?.title ?? "",
      indicators: indicators.filter((i) => sectionOfId(i.id, sectionIds) === id),
    })),
    warnings: [],
  };
  const parsed = ResolutionSchema.safeParse(candidate);
  const content = {
    rows,
    tolerance,
    estimates: sheet.estimates,
    year,
    ...(sheet.assignedBy !== undefined ? { assignedBy: sheet.assignedBy } : {}),
  };
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((i) => ({
        severity: "error" as const,
        message: `Sổ theo dõi: ${i.path.join(".")}: ${i.message}`,
      })),
    );
    return { sheet, resolution: fallback, own: false, content, problems };
  }
  return { sheet, resolution: parsed.data, own: true, content, problems };
}
