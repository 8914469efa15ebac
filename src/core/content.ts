import { checkFigure } from "./judge";
import { measureOf, toExcel } from "./measure";
import { allIndicators, type ActualValue, type Actuals, type Indicator, type Resolution } from "./model";
import { PERIODS, type Period } from "./words";

/**
 * What staff put into a workbook, in one shape wherever it comes from: the actuals file
 * (input.ts), a tracking sheet read back (workbook/tracking-row.ts) and carry-over
 * (workbook/carry.ts) all produce it, mergeContent() alone decides which source wins, and the plan,
 * the review text and `chitieu evaluate` read it. Figures are in cell form (Excel percentages:
 * 0.995 for 99,5%; words as typed), exactly as a sheet holds them.
 */
export interface RowContent {
  /** Every period's figure as its cell holds it. */
  figures: Partial<Record<Period, unknown>>;
  /** The same periods of the previous year ("Cùng kỳ"), in the same cell form (semantics section 9). */
  previous?: Partial<Record<Period, unknown>>;
  /** The figure cells' number formats, when read from a sheet (a date format means Excel made a date). */
  formats?: Partial<Record<Period, string>>;
  /** "Ghi chú". */
  note?: string;
  /** "Đánh giá lại" and "Lý do" for the year, as typed (the word is read by readTypedWord). */
  override?: { status: string; reason: string };
  /** "Cộng dồn" as staff chose it; an indicator's own `cumulative` wins. */
  cumulative?: boolean;
  /** The target assigned from above ("Chỉ tiêu <cấp> giao"), the phrase as typed (semantics section 10). */
  assigned?: string;
}

export interface Content {
  /** By indicator Mã. */
  rows: Record<string, RowContent>;
  /** Periods whose figures are estimates ("ước thực hiện"); undefined when this source does not say. */
  estimates?: readonly Period[];
  /** The workbook's tolerance, when this source has a valid one. */
  tolerance?: number;
  /** The year the content belongs to (a sheet's mark), when this source says; null when it says none. */
  year?: number | null;
  /** Who assigned the targets ("tỉnh"; core/assigned.ts says the default), when this source says. */
  assignedBy?: string;
}

export const EMPTY_CONTENT: Content = { rows: {} };

/** A cell that holds something (a blank, null or "" holds nothing). */
export const filledCell = (v: unknown): boolean => v !== null && v !== undefined && v !== "";

/**
 * The one rule of precedence: later layers are newer and win, field by field. A figure wins per
 * period only where it is filled (last year's "Cùng kỳ" figures alike), a note and an assigned target only
 * where not empty; an assessment, a Cộng dồn choice, the estimate flags, the tolerance and who assigned
 * wherever the newer layer states them. Callers pass
 * the old sheet first, then the actuals file, then what the user typed (pane or command line).
 */
export function mergeContent(...layers: (Content | null | undefined)[]): Content {
  const out: Content = { rows: {} };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, row] of Object.entries(layer.rows)) {
      const into = (out.rows[id] ??= { figures: {} });
      for (const p of PERIODS) {
        if (!filledCell(row.figures[p])) continue;
        into.figures[p] = row.figures[p];
        const format = row.formats?.[p];
        if (format !== undefined) (into.formats ??= {})[p] = format;
        else if (into.formats) delete into.formats[p];
      }
      for (const p of PERIODS) if (filledCell(row.previous?.[p])) (into.previous ??= {})[p] = row.previous![p];
      if (row.note !== undefined && row.note.trim() !== "") into.note = row.note;
      if (row.override !== undefined) into.override = row.override;
      if (row.cumulative !== undefined) into.cumulative = row.cumulative;
      if (row.assigned !== undefined && row.assigned.trim() !== "") into.assigned = row.assigned;
    }
    if (layer.estimates !== undefined) out.estimates = layer.estimates;
    if (layer.tolerance !== undefined) out.tolerance = layer.tolerance;
    if (layer.year !== undefined) out.year = layer.year;
    if (layer.assignedBy !== undefined) out.assignedBy = layer.assignedBy;
  }
  return out;
}

/** A figure as written (99.5 means 99.5%) as its cell holds it: percentages as Excel percentages, words canonical. */
export function cellOfWritten(ind: Indicator, value: ActualValue | undefined): unknown {
  if (value === undefined || value === null) return null;
  const check = checkFigure(ind, value);
  if (check.ok && check.figure.kind === "word") return check.figure.value;
  if (typeof value === "number") return toExcel(value, measureOf(ind));
  return value;
}

/** Figures as written, by period and Mã (an actuals file's), as content: each in its cell form. */
export function writtenContent(
  r: Resolution,
  byPeriod: Partial<Record<Period, Actuals>>,
  previous: Partial<Record<Period, Actuals>> = {},
): Content {
  const byId = new Map(allIndicators(r).map((i) => [i.id, i]));
  const rows: Content["rows"] = {};
  const cellOf = (id: string, v: ActualValue) => {
    const ind = byId.get(id);
    return ind ? cellOfWritten(ind, v) : v;
  };
  for (const p of PERIODS) {
    for (const [id, v] of Object.entries(byPeriod[p] ?? {})) {
      const cell = cellOf(id, v);
      if (filledCell(cell)) (rows[id] ??= { figures: {} }).figures[p] = cell;
    }
    for (const [id, v] of Object.entries(previous[p] ?? {})) {
      const cell = cellOf(id, v);
      if (filledCell(cell)) ((rows[id] ??= { figures: {} }).previous ??= {})[p] = cell;
    }
  }
  return { rows };
}
