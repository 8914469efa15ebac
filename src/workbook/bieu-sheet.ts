import type { RowContent } from "../core/content";
import { figureFormat, measureOf } from "../core/measure";
import { STATUSES, STATUS_COLORS, type Resolution } from "../core/model";
import { SHEET_COLORS } from "../core/palette";
import { PERIOD_INFO, type Period } from "../core/periods";
import { isYes, q } from "./formulas";
import {
  TRACKING_SHEET,
  col,
  estimateName,
  periodKey,
  resultKey,
  type ColumnKey,
  type Layout,
  type PeriodBase,
} from "./layout";
import { area, fitRowHeights, pageBands, ref, type CellPlan, type CellStyle, type SheetPlan } from "./sheet-plan";
import { asCell } from "./tracking-row";

/**
 * The "Biểu <kỳ>" sheets: the appendix table of a review, one per period, print-ready (A4 landscape,
 * one page wide at the body's 12 pt, the header row repeated). Every value is a native formula that
 * finds its row on the tracking sheet by Mã (hidden column A; the row found in hidden column B), so
 * the table follows the tracking sheet when staff type, sort or insert rows; a blank stays blank.
 */

/** "Biểu 6 tháng", "Biểu cả năm": a period's sheet. */
export const bieuSheetName = (p: Period): string => `Biểu ${PERIOD_INFO[p].label}`;

/** Row of the table's header (repeated on every printed page); the body starts below it. */
export const BIEU_HEADER_ROW = 3;

/** A period's column when the layout has it ("previous6t"), else null. */
const optionalPeriodKey = (base: PeriodBase, p: Period, layout: Layout): ColumnKey | null => {
  const key = periodKey(base, p);
  return layout.index.has(key) ? key : null;
};

interface BieuColumn {
  /** The tracking sheet's column the value comes from. */
  from: ColumnKey;
  header: string;
  width: number;
  style: CellStyle;
  /** The row's own figure format (figures and last year's figures). */
  figure?: boolean;
  /** A formula header (the estimate word follows the period's flag). */
  headerFormula?: string;
}

const PERCENT = "0.0%";

function bieuColumns(p: Period, layout: Layout): BieuColumn[] {
  const header = (key: string) => layout.columns.find((c) => c.key === key)?.header ?? key;
  const assigned = layout.index.has("assignedText") ? ("assignedText" as const) : null;
  const previous = optionalPeriodKey("previous", p, layout);
  const change = optionalPeriodKey("change", p, layout);
  const center: CellStyle = { hAlign: "center" };
  const right: CellStyle = { hAlign: "right" };
  const out: (BieuColumn | null)[] = [
    { from: "no", header: "STT", width: 6, style: center },
    { from: "text", header: "Chỉ tiêu", width: 46, style: { hAlign: "left" } },
    { from: "unit", header: "Đơn vị tính", width: 10, style: center },
    { from: "targetText", header: "Kế hoạch", width: 22, style: center },
    assigned && { from: assigned, header: header(assigned), width: 16, style: center },
    previous && { from: previous, header: "Cùng kỳ", width: 12, style: right, figure: true },
    {
      from: periodKey("actual", p),
      header: "Thực hiện",
      width: 12,
      style: right,
      figure: true,
      headerFormula: `IF(${isYes(estimateName(p))},${q("Ước thực hiện")},${q("Thực hiện")})`,
    },
    { from: periodKey("ratio", p), header: "So với kế hoạch (%)", width: 11, style: { ...right, numFmt: PERCENT } },
    change && { from: change, header: "So với cùng kỳ (%)", width: 11, style: { ...right, numFmt: PERCENT } },
    // As wide as "Chưa có số liệu" in bold: a status never wraps.
    { from: resultKey(p), header: "Đánh giá", width: 17, style: { hAlign: "center", bold: true } },
  ];
  return out.filter((c): c is BieuColumn => c !== null);
}

export interface BieuContent {
  layout: Layout;
  /** What staff typed, by Mã (figures decide the number format of a row). */
  rows: Record<string, RowContent>;
  /** What a text column of the tracking sheet holds now for a Mã, to size the rows. */
  text: (id: string, key: ColumnKey) => unknown;
}

/** One period's appendix table. */
export function bieuSheet(r: Resolution, p: Period, content: BieuContent): SheetPlan {
  const { layout } = content;
  const columns = bieuColumns(p, layout);
  const ID = 1;
  const AT = 2;
  const first = 3;
  const lastCol = first + columns.length - 1;
  const head = BIEU_HEADER_ROW;
  const cells: CellPlan[] = [];
  const styles: SheetPlan["styles"] = [];
  const t = `'${TRACKING_SHEET.replace(/'/g, "''")}'!`;
  const range = (key: ColumnKey) => `${t}$${col(key, layout)}:$${col(key, layout)}`;

  const label = PERIOD_INFO[p].label;
  const year = r.year === null ? "" : ` năm ${r.year}`;
  const ward = r.organization.trim() ? ` — ${r.organization.trim()}` : "";
  cells.push({ row: 1, col: first, value: `Biểu kết quả thực hiện các chỉ tiêu ${label}${year}${ward}` });
  cells.push({ row: 2, col: first, value: r.title });
  // Not "Mã": the add-in reads a sheet headed "Mã" … "Thực hiện" as a tracking sheet (sheet-read.headerKey).
  cells.push({ row: head, col: ID, value: "Mã tra cứu" });
  cells.push({ row: head, col: AT, value: "Dòng" });
  columns.forEach((c, i) =>
    cells.push(
      c.headerFormula !== undefined
        ? { row: head, col: first + i, formula: c.headerFormula }
        : { row: head, col: first + i, value: c.header },
    ),
  );

  // Texts as the tracking sheet holds them now, to size the rows (formulas have no text until calculated).
  const samples: CellPlan[] = [];
  const sectionRows: number[] = [];
  const figureStyles: SheetPlan["styles"] = [];
  let row = head;
  const put = (id: string) => {
    row++;
    cells.push({ row, col: ID, value: id });
    cells.push({ row, col: AT, share: "at", formula: `MATCH($A${row},${range("id")},0)` });
    columns.forEach((c, i) => {
      const x = `INDEX(${range(c.from)},$B${row})`;
      cells.push({
        row,
        col: first + i,
        share: `v${i}`,
        // A blank stays blank (INDEX of an empty cell is 0); a typed error value prints as nothing.
        formula: `IF(ISNUMBER($B${row}),IFERROR(IF(LEN(${x})=0,"",${x}),""),"")`,
      });
    });
  };
  for (const s of r.sections) {
    put(s.id);
    sectionRows.push(row);
    samples.push({ row, col: first + 1, value: s.title });
    for (const ind of s.indicators) {
      put(ind.id);
      const m = measureOf(ind);
      const own = content.rows[ind.id];
      columns.forEach((c, i) => {
        const v = content.text(ind.id, c.from);
        if (typeof v === "string" && v !== "") samples.push({ row, col: first + i, value: v });
      });
      columns.forEach((c, i) => {
        if (!c.figure) return;
        const typed = c.from === periodKey("actual", p) ? own?.figures[p] : own?.previous?.[p];
        figureStyles.push({ ref: ref(first + i, row), style: { numFmt: figureFormat(m, asCell(typed)) } });
      });
    }
  }
  const last = Math.max(row, head + 1);
  const body = head + 1;

  styles.push(
    {
      ref: area(first, 1, lastCol, 1),
      style: { bold: true, size: 14, hAlign: "center", vAlign: "center", wrap: true },
    },
    { ref: area(first, 2, lastCol, 2), style: { italic: true, hAlign: "center", vAlign: "center", wrap: true } },
    {
      ref: area(ID, head, lastCol, head),
      style: { bold: true, fill: SHEET_COLORS.header, hAlign: "center", vAlign: "center", wrap: true, border: true },
    },
    { ref: area(first, body, lastCol, last), style: { border: true, vAlign: "center", wrap: true } },
    ...columns.map((c, i) => ({ ref: area(first + i, body, first + i, last), style: c.style })),
    ...figureStyles,
    { ref: area(ID, body, AT, last), style: { color: SHEET_COLORS.muted, size: 10 } },
    ...sectionRows.map((sr) => ({
      ref: area(first, sr, lastCol, sr),
      style: { bold: true, fill: SHEET_COLORS.band, border: true },
    })),
  );
  const merges = [area(first, 1, lastCol, 1), area(first, 2, lastCol, 2)];
  const widths = [{ width: 8, hidden: true }, { width: 6, hidden: true }, ...columns.map((c) => ({ width: c.width }))];
  const status = columns.length - 1;
  const statusRef = area(first + status, body, first + status, last);
  const statusCell = `$${ref(first + status, body).replace(/\d+$/u, "")}${body}`;
  const heights = fitRowHeights({
    cells: [...cells.filter((c) => c.row <= head), ...samples],
    styles,
    merges,
    columns: widths,
  });
  return {
    name: bieuSheetName(p),
    rowCount: last,
    colCount: lastCol,
    cells,
    styles,
    merges,
    columns: widths,
    rowHeights: heights,
    freezeRows: head,
    validations: [],
    conditionalFormats: [
      {
        ref: statusRef,
        rules: STATUSES.map((s) => ({
          formula: `${statusCell}="${s}"`,
          fill: STATUS_COLORS[s].fill,
          font: STATUS_COLORS[s].font,
        })),
      },
    ],
    dataBars: [],
    charts: [],
    autofitRows: [body, last],
    hiddenRows: [],
    print: {
      landscape: true,
      area: area(first, 1, lastCol, last),
      repeatRows: [head, head],
      ...pageBands(r.title, r.organization),
    },
  };
}
