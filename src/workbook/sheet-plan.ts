import { filledCell } from "../core/content";
import { cellPosition, colLetter } from "./layout";

type Position = ReturnType<typeof cellPosition>;

/** The writers' contract: a pure description of a workbook; the Office.js and exceljs writers apply it as is. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center" | "bottom";
  wrap?: boolean;
  border?: boolean;
  numFmt?: string;
}

export type CellValue = string | number | boolean | null;

/** A cell that holds something: not empty, null or "". */
export const filled = (v: unknown): v is Exclude<CellValue, null> => filledCell(v);

export interface CellPlan {
  row: number;
  col: number;
  value?: CellValue;
  /** English function names, comma separators, no leading "=". */
  formula?: string;
  /**
   * Cells of one column with the same key hold the same formula but for their own row number:
   * the .xlsx writer stores it once (a shared formula).
   */
  share?: string;
}

export type ValidationRule =
  | { type: "decimal" | "whole"; operator: "between"; min: number; max: number }
  | { type: "decimal" | "whole"; operator: "greaterThanOrEqual"; min: number }
  | { type: "list"; values: string[] };

export interface ValidationPlan {
  ref: string;
  rule: ValidationRule;
  errorTitle: string;
  error: string;
  promptTitle: string;
  prompt: string;
}

export interface ConditionalRule {
  /** Expression for the range's top-left cell, relative references, no leading "=". */
  formula: string;
  fill: string;
  font: string;
  /** Marks a status chosen by staff (the same colours, in italics). */
  italic?: boolean;
}

export interface SheetPlan {
  name: string;
  rowCount: number;
  colCount: number;
  cells: CellPlan[];
  /** Applied in order; a later one wins where ranges overlap. */
  styles: { ref: string; style: CellStyle }[];
  merges: string[];
  /**
   * Widths, and the columns a printed page leaves out: `hidden` (not shown), `grouped` (in an outline
   * group, so staff open them with its "+"; hidden as well when collapsed).
   */
  columns: { width: number; hidden?: boolean; grouped?: boolean }[];
  /** Estimated heights (points) for rows whose wrapped text needs more than one line. */
  rowHeights: { row: number; height: number }[];
  freezeRows: number;
  validations: ValidationPlan[];
  conditionalFormats: { ref: string; rules: ConditionalRule[] }[];
  dataBars: { ref: string; color: string }[];
  charts: { title: string; sourceRef: string }[];
  /** Rows Excel may autofit after writing (unmerged body rows); rowHeights stay the estimate for other writers. */
  autofitRows: [number, number] | null;
  hiddenRows: number[];
  /** Ranges whose formulas differ from their neighbours' on purpose (each row's own check): Excel marks none there. */
  inconsistentFormulas?: string[];
  print: {
    landscape: boolean;
    area: string;
    repeatRows?: [number, number];
    /** Shrunk to this many pages tall as well as one page wide. */
    pagesTall?: number;
    /** Rows a printed page starts at (manual page breaks above them). */
    breaksBefore?: number[];
    /** Excel header/footer codes (&P page, &N pages, &D print date); "&" in text is doubled. */
    header: PageBand;
    footer: PageBand;
  };
}

export interface PageBand {
  left: string;
  center: string;
  right: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names: { name: string; sheet: string; ref: string }[];
  /** Where each indicator was placed on the tracking sheet. */
  rows: { id: string; row: number }[];
}

export const FONT = "Times New Roman";
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;
export const LINE_HEIGHT = 16;

export const ref = (c: number, r: number) => `${colLetter(c)}${r}`;
export const area = (c1: number, r1: number, c2: number, r2: number) => `${ref(c1, r1)}:${ref(c2, r2)}`;

/** A4 landscape inside xlsx.ts's margins and the header and footer bands, in points. */
const PRINTABLE = { width: 784, height: 470 };
/** Points a character width of a column prints at, at 100% (layout.PRINT_WIDTH's measure). */
const POINTS_PER_WIDTH = 5.6;

type PrintedPart = Pick<SheetPlan, "columns" | "rowHeights" | "print">;

/** The width of columns c1 to c2 (1-based) as shown: a hidden one takes none. */
function shownWidth(columns: SheetPlan["columns"], c1: number, c2: number): number {
  let w = 0;
  for (let c = c1; c <= c2; c++) w += columns[c - 1]?.hidden ? 0 : (columns[c - 1]?.width ?? 10);
  return w;
}

/** Each printed row's height in points on an A4 landscape page, fitted one page wide, from the plan's estimates. */
function printedRows(p: PrintedPart): { row: number; height: number }[] {
  const [a, b] = p.print.area.split(":").map(cellPosition) as [Position, Position];
  const scale = Math.min(1, PRINTABLE.width / (shownWidth(p.columns, a.col, b.col) * POINTS_PER_WIDTH));
  const heights = new Map(p.rowHeights.map((h) => [h.row, h.height]));
  const rows: { row: number; height: number }[] = [];
  for (let r = a.row; r <= b.row; r++) rows.push({ row: r, height: (heights.get(r) ?? LINE_HEIGHT) * scale });
  return rows;
}

/** How many pages the print area takes, fitted one page wide (an estimate: a row without a height is one line). */
export function printedPages(p: PrintedPart): number {
  return printedRows(p).reduce((n, r) => n + r.height, 0) / PRINTABLE.height;
}

/**
 * How a sheet of tables flows over pages, so no page holds a table's tail alone: a sheet at most 30%
 * longer than a page shrinks to one page tall (its text at 77% or more); a longer one breaks before
 * each table (`blocks`: first and last rows) that would not fit the rest of its page.
 */
export function pageFlow(
  p: PrintedPart,
  blocks: [number, number][],
): Pick<SheetPlan["print"], "pagesTall" | "breaksBefore"> {
  const rows = printedRows(p);
  if (rows.reduce((n, r) => n + r.height, 0) <= 1.3 * PRINTABLE.height) return { pagesTall: 1 };
  const height = new Map(rows.map((r) => [r.row, r.height]));
  const starts = new Map(blocks.map(([from, to]) => [from, to]));
  const breaksBefore: number[] = [];
  let used = 0;
  for (const { row, height: h } of rows) {
    const to = starts.get(row);
    if (to !== undefined && used > 0) {
      let block = 0;
      for (let r = row; r <= to; r++) block += height.get(r) ?? 0;
      if (used + block > PRINTABLE.height && block <= PRINTABLE.height) {
        breaksBefore.push(row);
        used = 0;
      }
    }
    used = used + h > PRINTABLE.height ? h : used + h;
  }
  return { breaksBefore };
}

/** Text as it may stand in a header or footer: "&" doubled, at most `max` characters. */
const band = (text: string, max: number) => {
  const t = text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  return t.replace(/&/g, "&&");
};

/**
 * The printed page's header (organisation, resolution, the day the file was made) and footer (sheet,
 * page x / y). The day is text in Vietnamese form: Excel's &D follows the printing machine's locale.
 */
export function pageBands(
  title: string,
  organization: string,
  made: Date = new Date(),
): { header: PageBand; footer: PageBand } {
  return {
    header: { left: band(organization, 60), center: band(title, 90), right: madeOn(made) },
    footer: { left: "&A", center: "Trang &P / &N", right: "" },
  };
}

/** "Lập ngày 05/12/2026": the writer's local date, day first, whatever the locale. */
export const madeOn = (d: Date): string =>
  `Lập ngày ${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;

// Times New Roman advance widths (thousandths of an em), from the font's published metrics.
const WIDTHS: Record<string, number> = {
  ...Object.fromEntries(
    [..."abcdefghijklmnopqrstuvwxyz"].map((c, i) => [
      c,
      [
        444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500,
        722, 500, 500, 444,
      ][i]!,
    ]),
  ),
  ...Object.fromEntries(
    [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((c, i) => [
      c,
      [
        722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722,
        944, 722, 722, 611,
      ][i]!,
    ]),
  ),
  ...Object.fromEntries([..."0123456789"].map((c) => [c, 500])),
  " ": 250,
  ",": 250,
  ".": 250,
  ":": 278,
  ";": 278,
  "-": 333,
  "–": 500,
  "—": 1000,
  "(": 333,
  ")": 333,
  "/": 278,
  "%": 833,
  "‰": 1000,
  '"': 408,
  "“": 444,
  "”": 444,
  "'": 180,
  "…": 1000,
  "≥": 549,
  "≤": 549,
  "+": 564,
  "=": 564,
  "<": 564,
  ">": 564,
  "&": 778,
  đ: 500,
  Đ: 722,
};

const EMS = new Map<string, number>();

/** Width in em/1000 of a word in Times New Roman (Vietnamese letters as their base letter); words repeat, so kept. */
function ems(text: string): number {
  let em = EMS.get(text);
  if (em !== undefined) return em;
  em = 0;
  for (const ch of text.normalize("NFD")) {
    if (/\p{M}/u.test(ch)) continue;
    em += WIDTHS[ch] ?? 556;
  }
  if (EMS.size > 100_000) EMS.clear();
  EMS.set(text, em);
  return em;
}

/** Width in points of a text in Times New Roman. */
const textWidth = (text: string, size: number, bold: boolean): number => (ems(text) / 1000) * size * (bold ? 1.08 : 1);

/** Lines a text takes when wrapped at word boundaries in a cell of `width` Excel width units. */
export function wrappedLines(text: string, width: number, size: number, bold: boolean): number {
  // Excel's width unit is the widest digit of the default font (7 px) plus 5 px of padding; 0.75 pt per px.
  const room = Math.trunc(width * 7 + 5) * 0.75 - 4;
  const space = textWidth(" ", size, bold);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(" ").filter(Boolean)) {
      const w = textWidth(word, size, bold);
      if (used > 0 && used + space + w > room) {
        lines++;
        used = 0;
      }
      // A word wider than the cell breaks across lines.
      if (used === 0 && w > room) {
        lines += Math.ceil(w / room) - 1;
        used = w % room;
      } else used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

const lineHeight = (size: number) => Math.ceil((size * LINE_HEIGHT) / 12);

/**
 * Heights (points) for rows whose wrapped text needs more than one line or a larger font, measured
 * from the plan itself: each text cell's font, size, wrap and (merged) width. Writers that cannot
 * measure text (exceljs) use them; Excel autofits where it can.
 */
export function fitRowHeights(p: Pick<SheetPlan, "cells" | "styles" | "merges" | "columns">): SheetPlan["rowHeights"] {
  const text = new Map<string, string>();
  for (const c of p.cells) if (typeof c.value === "string" && c.value !== "") text.set(`${c.row},${c.col}`, c.value);
  // Styles by the rows they start on, so each text cell looks only at those that can cover it.
  const areas = p.styles.map((s, order) => {
    const [a, b = a] = s.ref.split(":") as [string, string?];
    return { order, from: cellPosition(a), to: cellPosition(b), style: s.style };
  });
  const byCol = new Map<number, typeof areas>();
  const byRow = new Map<number, typeof areas>();
  const add = (m: Map<number, typeof areas>, k: number, x: (typeof areas)[number]) =>
    (m.get(k) ?? m.set(k, []).get(k)!).push(x);
  for (const x of areas)
    if (x.to.row === x.from.row) add(byRow, x.from.row, x);
    else for (let c = x.from.col; c <= x.to.col; c++) add(byCol, c, x);
  const style = new Map<string, CellStyle>();
  for (const k of text.keys()) {
    const [row, col] = k.split(",").map(Number) as [number, number];
    const covering = [...(byCol.get(col) ?? []), ...(byRow.get(row) ?? [])]
      .filter((x) => x.from.row <= row && row <= x.to.row && x.from.col <= col && col <= x.to.col)
      .sort((x, y) => x.order - y.order);
    if (covering.length > 0) style.set(k, Object.assign({}, ...covering.map((x) => x.style)));
  }
  const span = new Map<string, number>();
  for (const m of p.merges) {
    const [a, b = a] = m.split(":") as [string, string?];
    const s = cellPosition(a);
    const e = cellPosition(b);
    span.set(`${s.row},${s.col}`, shownWidth(p.columns, s.col, e.col));
  }
  const heights = new Map<number, number>();
  for (const [k, value] of text) {
    const st = style.get(k) ?? {};
    const [row, col] = k.split(",").map(Number) as [number, number];
    // A hidden column's text takes no height (Excel and LibreOffice fit rows to what shows).
    if (p.columns[col - 1]?.hidden && !span.has(k)) continue;
    const size = st.size ?? 12;
    const width = span.get(k) ?? p.columns[col - 1]?.width ?? 10;
    const lines = st.wrap ? wrappedLines(value, width, size, !!st.bold) : 1;
    if (lines > 1 || size > 12)
      heights.set(row, Math.min(MAX_ROW_HEIGHT, Math.max(heights.get(row) ?? 0, lines * lineHeight(size) + 2)));
  }
  return [...heights].sort(([a], [b]) => a - b).map(([row, height]) => ({ row, height }));
}

/** Functions newer than Excel 2007 that the formulas use: an .xlsx stores them as `_xlfn.NAME(`. */
const NEWER_FUNCTIONS = ["UNICHAR"];
const NEWER = new RegExp(`\\b(${NEWER_FUNCTIONS.join("|")})\\(`, "gu");
/** A formula as an .xlsx file stores it (Office.js takes the plain one). */
export const fileFormula = (formula: string): string => formula.replace(NEWER, "_xlfn.$1(");
