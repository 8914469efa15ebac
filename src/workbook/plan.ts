import { EMPTY_CONTENT, type Content } from "../core/content";
import type { Resolution } from "../core/model";
import { assignedByOf } from "../core/assigned-words";
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
  listCells,
  col,
  colLetter,
  estimateName,
  periodKey,
  sheetLayout,
  type ColumnKey,
} from "./layout";
import { bieuSheet } from "./bieu-sheet";
import { reportSheet } from "./report-sheet";
import type { WorkbookPlan } from "./sheet-plan";
import { summarySheet } from "./summary-sheet";
import { trackingSheet } from "./tracking-sheet";

export type * from "./sheet-plan";
export { FONT } from "./sheet-plan";

export interface PlanOptions {
  /** The sheet's review periods (default: the registry's). */
  periods?: readonly Period[];
  /** What staff put in the workbook, merged from its sources by mergeContent (figures kept even when invalid). */
  content?: Content;
}

/** Builds the whole workbook plan from a resolution: the one place that decides which sheets there are. */
export function buildWorkbookPlan(r: Resolution, opts: PlanOptions = {}): WorkbookPlan {
  const content = opts.content ?? EMPTY_CONTENT;
  // The assigned target's columns when the workbook has one, or staff named who assigns.
  const assigned =
    content.assignedBy !== undefined || Object.values(content.rows).some((row) => row.assigned !== undefined);
  const layout = sheetLayout(opts.periods ?? DEFAULT_PERIODS, assigned ? { assignedBy: assignedByOf(content) } : {});
  const { sheet, rows: placed } = trackingSheet(r, {
    layout,
    rows: content.rows,
    estimates: content.estimates ?? [],
    tolerance: content.tolerance ?? DEFAULT_TOLERANCE,
  });
  // The tracking sheet's texts by Mã and column, which the Biểu sheets show (and are sized by).
  const at = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c.value]));
  const rowOf = new Map(placed.map((x) => [x.id, x.row]));
  const text = (id: string, key: ColumnKey) => at.get(`${rowOf.get(id)},${layout.index.get(key)}`);
  return {
    sheets: [
      sheet,
      summarySheet(r, layout),
      reportSheet(r, layout, content),
      ...layout.periods.map((p) => bieuSheet(r, p, { layout, rows: content.rows, text })),
    ],
    names: [
      { name: TOLERANCE_NAME, sheet: TRACKING_SHEET, ref: TOLERANCE_CELL },
      { name: APPLIED_TOLERANCE_NAME, sheet: TRACKING_SHEET, ref: `$${col("value", layout)}$${TOLERANCE_ROW}` },
      ...WORD_LISTS.map((w, k) => {
        const [a, b] = [1, listCells(w).length].map((i) => colLetter(layout.columns.length + i));
        return { name: w.name, sheet: TRACKING_SHEET, ref: `$${a}$${k + 1}:$${b}$${k + 1}` };
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
