import { STATUS_RULES, TARGET_OPS, type TargetOp } from "../core/rules";

export const TRACKING_SHEET = "Theo dõi";

/** Requirement sets the Excel writer needs: data validation arrived in ExcelApi 1.8. */
export const REQUIRED_API = "1.8";
/** Page layout (A4, fit to width, print titles, header and footer) needs 1.9; older Excel gets the sheet without it. */
export const PAGE_LAYOUT_API = "1.9";
/** Excel.run can wait for a cell being edited from 1.11. */
export const CELL_EDIT_API = "1.11";
/** From 1.19 add-in calls keep Excel's undo history; before, every call clears it. */
export const UNDO_SAFE_API = "1.19";
/**
 * The one statement of what the add-in needs, as the manifest does (SharedRuntime 1.1): Office
 * loads it nowhere older. Shown by the pane and written in the README and the user guide.
 */
export const EXCEL_REQUIREMENT =
  "Excel 2021 (phiên bản 2108 trở lên), Microsoft 365, Excel trên web hoặc Excel cho Mac";
export const SUMMARY_SHEET = "Tổng hợp";
export const TOLERANCE_NAME = "DungSai";

/** Columns of the tracking sheet, in order. Headers are a contract (interfaces.md): find them, never assume. */
export const COLUMNS = [
  { key: "id", header: "Mã", width: 9 },
  { key: "no", header: "STT", width: 6 },
  { key: "text", header: "Chỉ tiêu", width: 52 },
  { key: "unit", header: "Đơn vị tính", width: 13 },
  { key: "targetText", header: "Chỉ tiêu đề ra", width: 22 },
  { key: "actual", header: "Thực hiện", width: 14 },
  { key: "ratio", header: "Tỷ lệ hoàn thành", width: 12 },
  { key: "status", header: "Đánh giá", width: 16 },
  { key: "note", header: "Ghi chú", width: 24 },
  { key: "check", header: "Kiểm tra số liệu", width: 30 },
  { key: "op", header: "Kiểu chỉ tiêu", width: 11 },
  { key: "value", header: "Mức chỉ tiêu", width: 14 },
  { key: "max", header: "Mức tối đa", width: 10 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]["key"];

export function colIndex(key: ColumnKey): number {
  return COLUMNS.findIndex((c) => c.key === key) + 1;
}

export function colLetter(index: number): string {
  let n = index;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const col = (key: ColumnKey): string => colLetter(colIndex(key));

/**
 * A single-cell reference as a range name holds it, in Excel ("='Theo dõi 2022'!$E$3") or in an
 * .xlsx ("'Theo dõi 2022'!$E$3"): its sheet (quotes undone) and cell ("E3"), or null.
 */
export function splitReference(ref: string | null): { sheet: string; cell: string } | null {
  const m = ref ? /^=?(?:'((?:[^']|'')+)'|([^!'=]+))!\$?([A-Z]+)\$?(\d+)$/u.exec(ref) : null;
  return m ? { sheet: m[1]?.replace(/''/g, "'") ?? m[2]!, cell: `${m[3]}${m[4]}` } : null;
}

/** "AB" → 28: the inverse of colLetter. */
export const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** "AB12" → { row: 12, col: 28 } (1-based; "$" ignored). */
export function cellPosition(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/u.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { row: Number(m[2]), col: colNumber(m[1]!) };
}

/** Calls fn for every cell of "A1" or "A1:C3" (1-based row and column). */
export function eachCellOf(ref: string, fn: (row: number, col: number) => void): void {
  const [a, b = a] = ref.split(":") as [string, string?];
  const s = cellPosition(a);
  const e = cellPosition(b);
  for (let r = s.row; r <= e.row; r++) for (let c = s.col; c <= e.col; c++) fn(r, c);
}

/** The target kind as staff see and pick it in the "Kiểu chỉ tiêu" column (the rule table's labels). */
export const OP_LABELS = Object.fromEntries(TARGET_OPS.map((op) => [op, STATUS_RULES[op].label])) as Record<
  TargetOp,
  string
>;

/** Rows above the table: title, organisation, tolerance, legend, blank. */
export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const TOLERANCE_ROW = 3;
export const LEGEND_ROW = 4;
/** A hidden row of column keys: the add-in finds its columns by them even when staff reword a header. */
export const KEY_ROW = 5;
export const KEY_PREFIX = "chitieu:";
export const HEADER_ROW = 6;
export const TOLERANCE_CELL = `$${col("targetText")}$${TOLERANCE_ROW}`;

/**
 * The resolution's organisation and year, stored as they are beside these labels in the
 * technical columns above the header (the printed subtitle joins them for people).
 */
export const HEADING_LABELS = { organization: "Cơ quan ban hành", year: "Năm" } as const;
