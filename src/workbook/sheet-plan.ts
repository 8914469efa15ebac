import { colLetter } from "./layout";

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

export interface CellPlan {
  row: number;
  col: number;
  value?: CellValue;
  /** English function names, comma separators, no leading "=". */
  formula?: string;
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
}

export interface SheetPlan {
  name: string;
  rowCount: number;
  colCount: number;
  cells: CellPlan[];
  /** Applied in order; a later one wins where ranges overlap. */
  styles: { ref: string; style: CellStyle }[];
  merges: string[];
  columns: { width: number }[];
  /** Estimated heights (points) for rows whose wrapped text needs more than one line. */
  rowHeights: { row: number; height: number }[];
  freezeRows: number;
  validations: ValidationPlan[];
  conditionalFormats: { ref: string; rules: ConditionalRule[] }[];
  dataBars: { ref: string; color: string }[];
  charts: { title: string; sourceRef: string }[];
  /** Rows Excel may autofit after writing (unmerged body rows); rowHeights stay the estimate for other writers. */
  autofitRows: [number, number] | null;
  print: {
    landscape: boolean;
    area: string;
    repeatRows?: [number, number];
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
export const LINE_HEIGHT = 16;

export const ref = (c: number, r: number) => `${colLetter(c)}${r}`;
export const area = (c1: number, r1: number, c2: number, r2: number) => `${ref(c1, r1)}:${ref(c2, r2)}`;

/** Text as it may stand in a header or footer: "&" doubled, at most `max` characters. */
const band = (text: string, max: number) => {
  const t = text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  return t.replace(/&/g, "&&");
};

/** The printed page's header (organisation, resolution, print date) and footer (sheet, page x / y). */
export function pageBands(title: string, organization: string): { header: PageBand; footer: PageBand } {
  return {
    header: { left: band(organization, 60), center: band(title, 90), right: "In ngày &D" },
    footer: { left: "&A", center: "Trang &P / &N", right: "" },
  };
}

/** Rows tall enough for their wrapped text (Times New Roman 12 is about one character per width unit). */
export function estimateHeights(cells: CellPlan[], widths: number[], wrapCols: Set<number>, rows: Set<number>) {
  const lines = new Map<number, number>();
  for (const c of cells) {
    if (!rows.has(c.row) || !wrapCols.has(c.col) || typeof c.value !== "string") continue;
    const n = Math.ceil((c.value.length * 0.85) / Math.max(1, (widths[c.col - 1] ?? 10) - 1));
    lines.set(c.row, Math.max(lines.get(c.row) ?? 1, n));
  }
  return [...lines].filter(([, n]) => n > 1).map(([row, n]) => ({ row, height: n * LINE_HEIGHT + 2 }));
}
