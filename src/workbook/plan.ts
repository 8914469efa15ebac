import { allIndicators, type Actuals, type Resolution } from "../core/model";
import { DEFAULT_TOLERANCE } from "../core/tolerance";
import { TOLERANCE_CELL, TOLERANCE_NAME, TRACKING_SHEET } from "./layout";
import type { CellValue, WorkbookPlan } from "./sheet-plan";
import { summarySheet } from "./summary-sheet";
import { figureCell } from "./tracking-row";
import { trackingSheet } from "./tracking-sheet";

export type * from "./sheet-plan";
export { FONT } from "./sheet-plan";

export interface PlanOptions {
  /** Figures as written (99.5 means 99.5%), kept as given even when invalid: nothing is lost. */
  actuals?: Actuals;
  /** Figures in Excel form (as an old sheet holds them), by Mã; they win over `actuals`. */
  figures?: Record<string, unknown>;
  notes?: Record<string, string>;
  tolerance?: number | null;
}

const asCell = (v: unknown): CellValue =>
  v === undefined || v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean"
    ? (v ?? null)
    : String(v);

/** Builds the whole workbook plan from a resolution: the one place that decides which sheets there are. */
export function buildWorkbookPlan(r: Resolution, opts: PlanOptions = {}): WorkbookPlan {
  const figures: Record<string, CellValue> = {};
  for (const ind of allIndicators(r)) {
    const v =
      opts.figures && ind.id in opts.figures ? asCell(opts.figures[ind.id]) : figureCell(ind, opts.actuals?.[ind.id]);
    if (v !== null && v !== "") figures[ind.id] = v;
  }
  const { sheet, rows } = trackingSheet(r, {
    figures,
    notes: opts.notes ?? {},
    tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
  });
  return {
    sheets: [sheet, summarySheet(r)],
    names: [{ name: TOLERANCE_NAME, sheet: TRACKING_SHEET, ref: TOLERANCE_CELL }],
    rows,
  };
}
