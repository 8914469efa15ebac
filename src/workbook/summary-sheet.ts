import { STATUS, STATUSES, STATUS_COLORS, type Resolution } from "../core/model";
import { SHEET_COLORS } from "../core/palette";
import { PERIOD_INFO, type Period } from "../core/periods";
import { MET_STATUSES } from "../core/rules";
import {
  REVIEW_HEADERS,
  SUMMARY_SHEET,
  TRACKING_SHEET,
  assignedKey,
  col,
  colLetter,
  periodKey,
  resultKey,
  type Layout,
} from "./layout";
import { ASSIGNED_SECTION, assignedHeader } from "../core/assigned-words";
import { q } from "./formulas";
import { area, fitRowHeights, pageBands, pageFlow, ref, type CellPlan, type SheetPlan } from "./sheet-plan";

/** The comparison table's counts: rose, held, fell, and all compared. */
export const PREVIOUS_HEADERS = ["Tăng", "Bằng cùng kỳ", "Giảm", "Tổng số so sánh được"] as const;
/** A table's header row. */
const HEAD_STYLE = {
  bold: true,
  fill: SHEET_COLORS.header,
  hAlign: "center",
  wrap: true,
  border: true,
  vAlign: "center",
} as const;
export const SUMMARY_HEADERS = ["Phần", "Nội dung", ...STATUSES, "Tổng số", "Tỷ lệ đạt"] as const;

/**
 * The "Tổng hợp" sheet: one table per review period, counts per section and status (COUNTIFS over
 * the tracking sheet by Mã); the year counts "Kết quả", which includes staff's own assessment.
 */
export function summarySheet(r: Resolution, layout: Layout): SheetPlan {
  const cells: CellPlan[] = [];
  const styles: SheetPlan["styles"] = [];
  const merges: string[] = [];
  const t = `'${TRACKING_SHEET}'!`;
  const idCol = `${t}$${col("id", layout)}:$${col("id", layout)}`;
  const nCols = SUMMARY_HEADERS.length;
  const statusCol1 = 3;
  const totalCol = statusCol1 + STATUSES.length;
  const noFigureCol = statusCol1 + STATUSES.indexOf(STATUS.noFigure);
  const metCols = MET_STATUSES.map((s) => colLetter(statusCol1 + STATUSES.indexOf(s)));
  const widths = [7, 44, ...STATUSES.map(() => 11), 9, 10];
  // Each status's header cell in its own colours, in every table of the sheet.
  const statusHeads = (head: number): SheetPlan["styles"] =>
    STATUSES.map((st, i) => ({
      ref: ref(statusCol1 + i, head),
      style: {
        fill: STATUS_COLORS[st].fill,
        color: STATUS_COLORS[st].font,
        bold: true,
        hAlign: "center",
        wrap: true,
        border: true,
      },
    }));
  cells.push({ row: 1, col: 1, value: "TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU" });
  cells.push({ row: 2, col: 1, value: [r.title, r.organization].filter(Boolean).join(" — ") });
  styles.push(
    { ref: area(1, 1, nCols, 1), style: { bold: true, size: 14, hAlign: "center" } },
    { ref: area(1, 2, nCols, 2), style: { italic: true, hAlign: "center", wrap: true } },
  );
  merges.push(area(1, 1, nCols, 1), area(1, 2, nCols, 2));
  const dataBars: SheetPlan["dataBars"] = [];
  let chart: SheetPlan["charts"][number] | null = null;
  /** Each table's first and last rows, kept on one printed page. */
  const blocks: [number, number][] = [];
  let row = 3;
  for (const period of layout.periods) {
    const key = resultKey(period);
    const statusCol = `${t}$${col(key, layout)}:$${col(key, layout)}`;
    const title = row + 1;
    const head = title + 1;
    const first = head + 1;
    // The resolution's own sections, their total, then the extra assigned indicators' section (not in the total).
    const own = r.sections.filter((s) => s.id !== ASSIGNED_SECTION);
    const extra = r.sections.find((s) => s.id === ASSIGNED_SECTION);
    const totalRow = first + own.length;
    const lastRow = totalRow + (extra ? 1 : 0);
    const rowOf = (k: number) => (k < own.length ? first + k : lastRow);
    const byStaff = period === "nam" && layout.index.has("final") ? ` (cột “${REVIEW_HEADERS.final}”)` : "";
    cells.push({ row: title, col: 1, value: `Kết quả ${PERIOD_INFO[period].label}${byStaff}` });
    styles.push({ ref: area(1, title, nCols, title), style: { bold: true, size: 12 } });
    SUMMARY_HEADERS.forEach((h, i) => cells.push({ row: head, col: i + 1, value: h }));
    [...own, ...(extra ? [extra] : [])].forEach((s, k) => {
      const rr = rowOf(k);
      cells.push({ row: rr, col: 1, value: s.id });
      cells.push({ row: rr, col: 2, value: s.title });
      STATUSES.forEach((_, i) => {
        const c = statusCol1 + i;
        cells.push({
          row: rr,
          col: c,
          formula: `COUNTIFS(${idCol},$A${rr}&".*",${statusCol},${colLetter(c)}$${head})`,
        });
      });
      cells.push({ row: rr, col: totalCol, formula: `COUNTIFS(${idCol},$A${rr}&".*")` });
    });
    cells.push({ row: totalRow, col: 2, value: "Tổng cộng" });
    for (let c = statusCol1; c <= totalCol; c++)
      cells.push({ row: totalRow, col: c, formula: `SUM(${colLetter(c)}${first}:${colLetter(c)}${totalRow - 1})` });
    for (let rr = first; rr <= lastRow; rr++) {
      // Blank until the section has a figure: "0%" before anyone has typed would read as a failure.
      const n = `${colLetter(totalCol)}${rr}`;
      const none = `${colLetter(noFigureCol)}${rr}`;
      cells.push({
        row: rr,
        col: nCols,
        formula: `IF(${n}-${none}<=0,"",(${metCols.map((c) => `${c}${rr}`).join("+")})/${n})`,
      });
    }
    styles.push(
      { ref: area(1, head, nCols, head), style: HEAD_STYLE },
      { ref: area(1, first, nCols, lastRow), style: { border: true, vAlign: "center" } },
      { ref: area(1, first, 1, lastRow), style: { hAlign: "center" } },
      { ref: area(2, first, 2, lastRow), style: { wrap: true } },
      { ref: area(statusCol1, first, totalCol, lastRow), style: { hAlign: "center", numFmt: "0" } },
      { ref: area(nCols, first, nCols, lastRow), style: { numFmt: "0%" } },
      { ref: area(1, totalRow, nCols, totalRow), style: { bold: true, fill: SHEET_COLORS.band, border: true } },
      ...statusHeads(head),
    );
    dataBars.push({ ref: area(nCols, first, nCols, lastRow), color: SHEET_COLORS.dataBar });
    blocks.push([title, lastRow]);
    chart = {
      title: `Kết quả thực hiện chỉ tiêu ${PERIOD_INFO[period].label} theo phần`,
      sourceRef: area(2, head, 2 + STATUSES.length, totalRow - 1),
    };
    row = lastRow + 1;
  }
  /**
   * A table of one row per period (its label over the first two columns), under a title and a header
   * row: `fill` writes a period's counts in the row, which are whole numbers up to column `countsTo`.
   * Returns the rows it took.
   */
  const periodTable = (
    title: string,
    heads: readonly string[],
    countsTo: number,
    fill: (period: Period, rr: number) => void,
  ) => {
    const titleRow = row + 1;
    const head = titleRow + 1;
    const first = head + 1;
    const lastRow = first + layout.periods.length - 1;
    cells.push({ row: titleRow, col: 1, value: title });
    styles.push({ ref: area(1, titleRow, nCols, titleRow), style: { bold: true, size: 12 } });
    ["Kỳ", "", ...heads].forEach((h, i) => cells.push({ row: head, col: i + 1, value: h }));
    layout.periods.forEach((period, k) => {
      cells.push({ row: first + k, col: 1, value: PERIOD_INFO[period].label });
      merges.push(area(1, first + k, 2, first + k));
      fill(period, first + k);
    });
    merges.push(area(1, head, 2, head));
    const width = heads.length + 2;
    styles.push(
      { ref: area(1, head, width, head), style: HEAD_STYLE },
      { ref: area(1, first, width, lastRow), style: { border: true, vAlign: "center" } },
      { ref: area(statusCol1, first, countsTo, lastRow), style: { hAlign: "center", numFmt: "0" } },
    );
    blocks.push([titleRow, lastRow]);
    row = lastRow + 1;
    return { head, first, lastRow };
  };
  if (layout.assignedBy !== undefined) {
    // The assigned targets counted in a table of their own, one row per period (semantics section 10).
    const at = periodTable(
      `${assignedHeader(layout.assignedBy)} (chỉ các chỉ tiêu có mức giao)`,
      SUMMARY_HEADERS.slice(2),
      totalCol,
      (period, rr) => {
        const key = assignedKey("assignedStatus", period);
        const statusCol = `${t}$${col(key, layout)}:$${col(key, layout)}`;
        STATUSES.forEach((st, i) =>
          cells.push({ row: rr, col: statusCol1 + i, formula: `COUNTIFS(${idCol},"*.*",${statusCol},${q(st)})` }),
        );
        const n = `${colLetter(totalCol)}${rr}`;
        const none = `${colLetter(noFigureCol)}${rr}`;
        cells.push({
          row: rr,
          col: totalCol,
          formula: `SUM(${colLetter(statusCol1)}${rr}:${colLetter(totalCol - 1)}${rr})`,
        });
        cells.push({
          row: rr,
          col: nCols,
          formula: `IF(${n}-${none}<=0,"",(${metCols.map((c) => `${c}${rr}`).join("+")})/${n})`,
        });
      },
    );
    styles.push({ ref: area(nCols, at.first, nCols, at.lastRow), style: { numFmt: "0%" } }, ...statusHeads(at.head));
  }
  // Against the same period last year (semantics section 9): how many indicators rose, held or fell.
  periodTable(
    "So với cùng kỳ năm trước (chỉ các chỉ tiêu có số liệu cả hai năm)",
    PREVIOUS_HEADERS,
    statusCol1 + 3,
    (period, rr) => {
      const key = periodKey("change", period);
      const changeCol = `${t}$${col(key, layout)}:$${col(key, layout)}`;
      [">1", 1, "<1"].forEach((c, i) =>
        cells.push({
          row: rr,
          col: statusCol1 + i,
          formula: `COUNTIFS(${idCol},"*.*",${changeCol},${typeof c === "number" ? c : q(c)})`,
        }),
      );
      cells.push({
        row: rr,
        col: statusCol1 + 3,
        formula: `SUM(${colLetter(statusCol1)}${rr}:${colLetter(statusCol1 + 2)}${rr})`,
      });
    },
  );
  // The note under the title, so the last printed page is never the note alone.
  const noteRow = 3;
  const lastRow = row;
  cells.push({
    row: noteRow,
    col: 1,
    value: `Số liệu tự cập nhật theo sheet “${TRACKING_SHEET}”. Tỷ lệ đạt = (${MET_STATUSES.join(" + ")}) ÷ Tổng số chỉ tiêu.`,
  });
  styles.push({ ref: area(1, noteRow, nCols, noteRow), style: { italic: true, color: SHEET_COLORS.muted } });
  merges.push(area(1, noteRow, nCols, noteRow));
  const columns = widths.map((width) => ({ width }));
  const rowHeights = fitRowHeights({ cells, styles, merges, columns });
  const print = { landscape: true, area: area(1, 1, nCols, lastRow), ...pageBands(r.title, r.organization) };
  return {
    name: SUMMARY_SHEET,
    rowCount: lastRow,
    colCount: nCols,
    cells,
    styles,
    merges,
    columns,
    rowHeights,
    freezeRows: 2,
    validations: [],
    conditionalFormats: [],
    dataBars,
    charts: chart ? [chart] : [],
    autofitRows: [noteRow, lastRow],
    hiddenRows: [],
    print: { ...print, ...pageFlow({ columns, rowHeights, print }, blocks) },
  };
}
