/**
 * What a spreadsheet cell may hold in place of a figure, whatever the target: an error value,
 * TRUE/FALSE, or a date (Excel turns "3/5" typed into a number cell into 5 March). One table: the
 * core's check and judgement read it, and workbook/formulas.ts generates the sheet's tests from it.
 */
export const CELL_JUNK = {
  error: "ô đang báo lỗi (như #N/A, #VALUE!) thay vì số liệu; hãy gõ lại số liệu",
  logical: "ô đang là giá trị đúng/sai (TRUE/FALSE), không phải số liệu",
  date: "ô đang là ngày tháng — có thể Excel đã đổi “3/5” thành ngày; hãy định dạng ô là số rồi gõ lại",
} as const;
export type CellJunk = keyof typeof CELL_JUNK;
export const CELL_JUNK_KINDS = Object.keys(CELL_JUNK) as CellJunk[];

/** Excel's error values as Office.js and exceljs report them. */
const ERROR_RE =
  /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/u;

/** A number format that shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  const bare = numberFormat.replace(/"[^"]*"|\[[^\]]*\]|\\./gu, "");
  return /[dmyhs]/iu.test(bare) && !/^general$/iu.test(bare.trim());
}

/** What is wrong with a cell before its figure is read, or null. */
export function cellJunk(value: unknown, numberFormat?: string): CellJunk | null {
  if (typeof value === "string" && ERROR_RE.test(value.trim())) return "error";
  if (value !== null && typeof value === "object" && "error" in value) return "error";
  if (typeof value === "boolean") return "logical";
  if (value instanceof Date) return "date";
  if (typeof value === "number" && isDateFormat(numberFormat)) return "date";
  return null;
}

/**
 * The number formats staff give figure cells, which must never make a figure a date in any
 * engine (the sheet's test, checkCell): plain, grouped, Vietnamese money and accounting styles,
 * zero shown as a dash, percentages. One list: the engine tests type a number into each.
 */
export const FIGURE_FORMATS = [
  "General",
  "0",
  "0.0",
  "#,##0",
  "#,##0.00",
  '_-* #,##0 ₫_-;-* #,##0 ₫_-;_-* "-" ₫_-;_-@_-',
  '_-* #,##0\\ "₫"_-;\\-* #,##0\\ "₫"_-;_-* "-"??\\ "₫"_-;_-@_-',
  '#,##0 "đ"',
  '#,##0;-#,##0;"-"',
  "0%",
  "0.0%",
  "0.00%",
] as const;

/** Date formats a figure cell may end up with ("3/5" typed, a copied date): still refused where the engine can tell. */
export const DATE_FORMATS = [
  // Excel's built-in short date (numFmtId 14): what "3/5" typed into a number cell becomes.
  "mm-dd-yy",
  "d/m/yyyy",
  "dd/mm/yyyy",
  "d/m/yy",
  "dd/mm",
  "m/d",
  "d-mmm-yy",
  "[$-42A]d mmmm yyyy",
  "[$-42A]dd/mm/yyyy",
] as const;
