import type { ActualsFile } from "../core/input";
import { allIndicators, type Actuals, type Resolution } from "../core/model";
import type { Period } from "../core/periods";
import { DEFAULT_TOLERANCE } from "../core/tolerance";
import {
  APPLIED_TOLERANCE_NAME,
  DEFAULT_PERIODS,
  ESTIMATE_ROW,
  TOLERANCE_CELL,
  TOLERANCE_NAME,
  TOLERANCE_ROW,
  TRACKING_SHEET,
  WORD_LISTS,
  col,
  colLetter,
  estimateName,
  periodKey,
  sheetLayout,
} from "./layout";
import { reportSheet } from "./report-sheet";
import { filled, type CellValue, type WorkbookPlan } from "./sheet-plan";
import { summarySheet } from "./summary-sheet";
import { figureCell, type RowContent } from "./tracking-row";
import { trackingSheet } from "./tracking-sheet";

export type * from "./sheet-plan";
export { FONT } from "./sheet-plan";

export interface PlanOptions {
  /** The sheet's review periods (default 6 tháng and cả năm). */
  periods?: readonly Period[];
  /** The year's figures as written (99.5 means 99.5%), kept as given even when invalid: nothing is lost. */
  actuals?: Actuals;
  /** An actuals file: every period's figures as written, estimates, staff's assessments, notes. */
  file?: Partial<Pick<ActualsFile, "periods" | "estimates" | "overrides" | "notes">>;
  /** The year's figures in Excel form (as an old sheet holds them), by Mã; they win over `actuals`. */
  figures?: Record<string, unknown>;
  /** Earlier periods' figures in Excel form, by period and Mã (an old sheet's). */
  periodFigures?: Partial<Record<Period, Record<string, unknown>>>;
  notes?: Record<string, string>;
  /** Staff's own assessments as an old sheet holds them, by Mã. */
  overrides?: Record<string, { status: string; reason: string }>;
  /** "Cộng dồn" as an old sheet had it, by Mã (an indicator's own `cumulative` wins). */
  cumulative?: Record<string, boolean>;
  estimates?: readonly Period[];
  tolerance?: number | null;
}

const asCell = (v: unknown): CellValue =>
  v === undefined || v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean"
    ? (v ?? null)
    : String(v);

/** Builds the whole workbook plan from a resolution: the one place that decides which sheets there are. */
export function buildWorkbookPlan(r: Resolution, opts: PlanOptions = {}): WorkbookPlan {
  const layout = sheetLayout(opts.periods ?? DEFAULT_PERIODS);
  const rows: Record<string, RowContent> = {};
  for (const ind of allIndicators(r)) {
    const figures: RowContent["figures"] = {};
    for (const p of layout.periods) {
      const excel = p === "nam" ? opts.figures : opts.periodFigures?.[p];
      const written =
        p === "nam" ? (opts.actuals?.[ind.id] ?? opts.file?.periods?.nam?.[ind.id]) : opts.file?.periods?.[p]?.[ind.id];
      const v = excel && ind.id in excel ? asCell(excel[ind.id]) : figureCell(ind, written);
      if (filled(v)) figures[p] = v;
    }
    const override = opts.file?.overrides?.[ind.id] ?? opts.overrides?.[ind.id];
    rows[ind.id] = {
      figures,
      note: opts.notes?.[ind.id] ?? opts.file?.notes?.[ind.id],
      override: override?.status,
      reason: override?.reason,
      cumulative: opts.cumulative?.[ind.id],
    };
  }
  const estimates = opts.estimates ?? opts.file?.estimates ?? [];
  const { sheet, rows: placed } = trackingSheet(r, {
    layout,
    rows,
    estimates,
    tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
  });
  return {
    sheets: [sheet, summarySheet(r, layout), reportSheet(r, layout)],
    names: [
      { name: TOLERANCE_NAME, sheet: TRACKING_SHEET, ref: TOLERANCE_CELL },
      { name: APPLIED_TOLERANCE_NAME, sheet: TRACKING_SHEET, ref: `$${col("value", layout)}$${TOLERANCE_ROW}` },
      ...WORD_LISTS.map((w, k) => {
        const c = colLetter(layout.columns.length + 1 + k);
        return { name: w.name, sheet: TRACKING_SHEET, ref: `$${c}$1:$${c}$${w.words.length}` };
      }),
      ...layout.periods.map((p) => ({
        name: estimateName(p),
        sheet: TRACKING_SHEET,
        ref: `$${col(periodKey("actual", p), layout)}$${ESTIMATE_ROW}`,
      })),
    ],
    rows: placed,
  };
}
