import { DEFAULT_TOLERANCE, checkFigure } from "../core/judge";
import { measureOf, toExcel, type Measure } from "../core/measure";
import {
  RATING_LEVELS,
  QUALITATIVE_ANSWERS,
  STATUSES,
  STATUS_COLORS,
  type ActualValue,
  type Actuals,
  type Indicator,
  type Resolution,
} from "../core/model";
import { formatTarget } from "../core/target";
import { checkFormula, ratioFormula, statusFormula } from "./formulas";
import {
  COLUMNS,
  HEADER_ROW,
  LEGEND_ROW,
  OP_LABELS,
  SUBTITLE_ROW,
  SUMMARY_SHEET,
  TITLE_ROW,
  TOLERANCE_CELL,
  TOLERANCE_NAME,
  TOLERANCE_ROW,
  TRACKING_SHEET,
  col,
  colIndex,
  colLetter,
  type ColumnKey,
} from "./layout";

/** A pure description of a workbook; the Office.js and exceljs writers apply it as is. */
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

export interface CellPlan {
  row: number;
  col: number;
  value?: string | number | boolean | null;
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
  print: { landscape: boolean; area: string; repeatRows?: [number, number] };
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names: { name: string; sheet: string; ref: string }[];
  /** Where each indicator was placed on the tracking sheet. */
  rows: { id: string; row: number }[];
}

export interface PlanOptions {
  /** Figures as written (99.5 means 99.5%), kept as given even when invalid: nothing is lost. */
  actuals?: Actuals;
  notes?: Record<string, string>;
  tolerance?: number | null;
}

export const FONT = "Times New Roman";
const LINE_HEIGHT = 16;

/** Rows tall enough for their wrapped text (Times New Roman 12 is about one character per width unit). */
function estimateHeights(cells: CellPlan[], widths: number[], wrapCols: Set<number>, rows: Set<number>) {
  const lines = new Map<number, number>();
  for (const c of cells) {
    if (!rows.has(c.row) || !wrapCols.has(c.col) || typeof c.value !== "string") continue;
    const n = Math.ceil((c.value.length * 0.85) / Math.max(1, (widths[c.col - 1] ?? 10) - 1));
    lines.set(c.row, Math.max(lines.get(c.row) ?? 1, n));
  }
  return [...lines].filter(([, n]) => n > 1).map(([row, n]) => ({ row, height: n * LINE_HEIGHT + 2 }));
}

const ref = (c: number, r: number) => `${colLetter(c)}${r}`;
const area = (c1: number, r1: number, c2: number, r2: number) => `${ref(c1, r1)}:${ref(c2, r2)}`;

function numFmt(m: Measure): string {
  switch (m.kind) {
    case "percent":
    case "percentChange":
    case "percentOfPlan":
      return "0.0%";
    case "permille":
      return '0.0"‰"';
    case "money":
      return "#,##0";
    case "count":
    case "rank":
      return "0";
    default:
      return "General";
  }
}

const PROMPTS: Record<Measure["kind"], string> = {
  percent: "Nhập tỷ lệ phần trăm từ 0% đến 100%, ví dụ 99,5%.",
  percentChange: "Nhập mức tăng/giảm theo phần trăm, ví dụ 10%.",
  percentOfPlan: "Nhập tỷ lệ phần trăm so với kế hoạch, ví dụ 105%.",
  permille: "Nhập số phần nghìn (‰) từ 0 đến 1.000, ví dụ 11.",
  money: "Nhập số tiền (không âm) theo đơn vị tính.",
  measure: "Nhập số liệu (không âm) theo đơn vị tính.",
  count: "Nhập số lượng là số nguyên không âm.",
  rank: "Nhập thứ hạng là số nguyên từ 1 (1 là cao nhất).",
  rating: "Chọn mức xếp loại trong danh sách.",
  qualitative: 'Chọn "Đạt" hoặc "Không đạt".',
  number: "Nhập một con số.",
};

function validationRule(m: Measure): ValidationRule | null {
  if (m.kind === "rating") return { type: "list", values: [...RATING_LEVELS] };
  if (m.kind === "qualitative") return { type: "list", values: [...QUALITATIVE_ANSWERS] };
  const type = m.integer ? "whole" : "decimal";
  const min = m.min === null ? -1e9 : toExcel(m.min, m);
  if (m.max !== null) return { type, operator: "between", min, max: toExcel(m.max, m) };
  if (m.min !== null) return { type, operator: "greaterThanOrEqual", min };
  return { type, operator: "between", min, max: 1e9 };
}

/** The actual figure as the cell holds it: Excel percentages for percent units, words canonical. */
export function actualCell(ind: Indicator, value: ActualValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  const check = checkFigure(ind, value);
  if (check.ok && check.figure.kind === "word") return check.figure.value;
  if (typeof value === "number") return toExcel(value, measureOf(ind));
  return value;
}

function targetCells(ind: Indicator, m: Measure): [string | number, string | number | null] {
  const t = ind.target;
  switch (t.op) {
    case "range":
      return [toExcel(t.min, m), toExcel(t.max, m)];
    case "rating":
      return [t.level, null];
    case "qualitative":
      return ["Đạt", null];
    default:
      return [toExcel(t.value, m), null];
  }
}

function trackingSheet(r: Resolution, opts: PlanOptions): { sheet: SheetPlan; rows: WorkbookPlan["rows"] } {
  const cells: CellPlan[] = [];
  const styles: SheetPlan["styles"] = [];
  const validations: ValidationPlan[] = [];
  const rows: WorkbookPlan["rows"] = [];
  const last = COLUMNS.length;
  const printLast = colIndex("note");
  const put = (row: number, key: ColumnKey | number, content: Omit<CellPlan, "row" | "col">) =>
    cells.push({ row, col: typeof key === "number" ? key : colIndex(key), ...content });

  put(TITLE_ROW, 1, { value: r.title.toUpperCase() });
  const sub = [r.organization, r.year !== null ? `Năm ${r.year}` : ""].filter(Boolean).join(" — ");
  put(SUBTITLE_ROW, 1, { value: sub });
  put(TOLERANCE_ROW, "text", { value: "Dung sai cho mức “Cơ bản đạt” (sửa được, màu tự cập nhật):" });
  put(TOLERANCE_ROW, "targetText", { value: opts.tolerance ?? DEFAULT_TOLERANCE });
  put(LEGEND_ROW, "text", { value: "Chú giải màu cột Đánh giá:" });
  STATUSES.forEach((s, i) => {
    put(LEGEND_ROW, colIndex("unit") + i, { value: s });
    styles.push({
      ref: ref(colIndex("unit") + i, LEGEND_ROW),
      style: { fill: STATUS_COLORS[s].fill, color: STATUS_COLORS[s].font, hAlign: "center", bold: true, border: true },
    });
  });
  COLUMNS.forEach((c, i) => put(HEADER_ROW, i + 1, { value: c.header }));

  let row = HEADER_ROW;
  const sectionRows: number[] = [];
  const byRule = new Map<string, { rule: ValidationRule; prompt: string; rows: number[] }>();
  for (const section of r.sections) {
    row++;
    sectionRows.push(row);
    put(row, "id", { value: section.id });
    put(row, "no", { value: section.id });
    put(row, "text", { value: section.title });
    for (const ind of section.indicators) {
      row++;
      rows.push({ id: ind.id, row });
      const m = measureOf(ind);
      const [value, max] = targetCells(ind, m);
      put(row, "id", { value: ind.id });
      put(row, "no", { value: ind.id.slice(section.id.length + 1) || ind.id });
      put(row, "text", { value: ind.text });
      put(row, "unit", { value: ind.unit });
      put(row, "targetText", { value: ind.targetText ?? formatTarget(ind.target, ind.unit) });
      const actual = actualCell(ind, opts.actuals?.[ind.id]);
      if (actual !== null) put(row, "actual", { value: actual });
      put(row, "ratio", { formula: ratioFormula(row) });
      put(row, "status", { formula: statusFormula(row) });
      const note = opts.notes?.[ind.id];
      if (note) put(row, "note", { value: note });
      put(row, "check", { formula: checkFormula(row, m) });
      put(row, "op", { value: OP_LABELS[ind.target.op] });
      put(row, "value", { value });
      if (max !== null) put(row, "max", { value: max });
      const fmt = numFmt(m);
      styles.push({ ref: ref(colIndex("actual"), row), style: { numFmt: fmt } });
      if (typeof value === "number")
        styles.push({ ref: area(colIndex("value"), row, colIndex("max"), row), style: { numFmt: fmt } });
      const rule = validationRule(m);
      if (rule) {
        const key = JSON.stringify([rule, m.kind]);
        const entry = byRule.get(key) ?? { rule, prompt: PROMPTS[m.kind], rows: [] };
        entry.rows.push(row);
        byRule.set(key, entry);
      }
    }
  }
  const first = HEADER_ROW + 1;
  const lastRow = Math.max(row, first);

  // Validation ranges: consecutive rows with one rule become one range.
  for (const { rule, prompt, rows: rs } of byRule.values()) {
    let start = rs[0]!;
    for (let i = 1; i <= rs.length; i++) {
      if (i < rs.length && rs[i] === rs[i - 1]! + 1) continue;
      const end = rs[i - 1]!;
      const c = col("actual");
      validations.push({
        ref: start === end ? `${c}${start}` : `${c}${start}:${c}${end}`,
        rule,
        errorTitle: "Số liệu không hợp lệ",
        error: `${prompt} Xem cột “Kiểm tra số liệu”.`,
        promptTitle: "Thực hiện",
        prompt,
      });
      if (i < rs.length) start = rs[i]!;
    }
  }
  validations.push({
    ref: `${col("op")}${first}:${col("op")}${lastRow}`,
    rule: { type: "list", values: Object.values(OP_LABELS) },
    errorTitle: "Kiểu chỉ tiêu không hợp lệ",
    error: "Chọn kiểu chỉ tiêu trong danh sách.",
    promptTitle: "Kiểu chỉ tiêu",
    prompt: "≥ đạt từ mức trở lên; > trên mức; ≤ không quá; < dưới; từ - đến; thứ hạng; xếp loại; định tính.",
  });
  validations.push({
    ref: TOLERANCE_CELL.replace(/\$/g, ""),
    rule: { type: "decimal", operator: "between", min: 0, max: 0.99 },
    errorTitle: "Dung sai không hợp lệ",
    error: "Dung sai là tỷ lệ từ 0% đến 99%, ví dụ 5%.",
    promptTitle: "Dung sai",
    prompt: "Số liệu chưa đạt nhưng thiếu không quá mức này được đánh giá “Cơ bản đạt”.",
  });

  const base: CellStyle = { border: true, vAlign: "center", wrap: true };
  styles.unshift(
    { ref: area(1, TITLE_ROW, printLast, TITLE_ROW), style: { bold: true, size: 14, hAlign: "center", wrap: true } },
    { ref: area(1, SUBTITLE_ROW, printLast, SUBTITLE_ROW), style: { italic: true, hAlign: "center" } },
    { ref: ref(colIndex("text"), TOLERANCE_ROW), style: { bold: true, hAlign: "right" } },
    { ref: ref(colIndex("text"), LEGEND_ROW), style: { italic: true, hAlign: "right" } },
  );
  styles.splice(
    4,
    0,
    {
      ref: TOLERANCE_CELL.replace(/\$/g, ""),
      style: { numFmt: "0%", fill: "#FFF2CC", border: true, bold: true, hAlign: "center" },
    },
    {
      ref: area(1, HEADER_ROW, last, HEADER_ROW),
      style: { bold: true, fill: "#D9E1F2", hAlign: "center", vAlign: "center", wrap: true, border: true },
    },
    { ref: area(1, first, last, lastRow), style: base },
    { ref: area(colIndex("id"), first, colIndex("no"), lastRow), style: { hAlign: "center" } },
    { ref: area(colIndex("unit"), first, colIndex("unit"), lastRow), style: { hAlign: "center" } },
    { ref: area(colIndex("actual"), first, colIndex("actual"), lastRow), style: { fill: "#FFFDF0", hAlign: "right" } },
    { ref: area(colIndex("ratio"), first, colIndex("ratio"), lastRow), style: { numFmt: "0.0%", hAlign: "right" } },
    { ref: area(colIndex("status"), first, colIndex("status"), lastRow), style: { hAlign: "center", bold: true } },
    { ref: area(colIndex("check"), first, colIndex("check"), lastRow), style: { italic: true, color: "#9C0006" } },
    { ref: area(colIndex("op"), first, last, lastRow), style: { color: "#595959", size: 10, hAlign: "center" } },
  );
  for (const sr of sectionRows)
    styles.push({ ref: area(1, sr, last, sr), style: { bold: true, fill: "#F2F2F2", border: true, wrap: false } });

  const bodyRows = new Set(rows.map((x) => x.row));
  const wrapCols = new Set((["text", "targetText", "note"] as const).map(colIndex));
  const rowHeights = [
    { row: HEADER_ROW, height: 2 * LINE_HEIGHT + 2 },
    ...estimateHeights(
      cells,
      COLUMNS.map((c) => c.width),
      wrapCols,
      bodyRows,
    ),
  ];
  const statusRef = `${col("status")}${first}:${col("status")}${lastRow}`;
  const actualRef = `${col("actual")}${first}:${col("actual")}${lastRow}`;
  return {
    rows,
    sheet: {
      name: TRACKING_SHEET,
      rowCount: lastRow,
      colCount: last,
      cells,
      styles,
      merges: [area(1, TITLE_ROW, printLast, TITLE_ROW), area(1, SUBTITLE_ROW, printLast, SUBTITLE_ROW)],
      columns: COLUMNS.map((c) => ({ width: c.width })),
      rowHeights,
      freezeRows: HEADER_ROW,
      validations,
      conditionalFormats: [
        {
          ref: statusRef,
          rules: STATUSES.map((s) => ({
            formula: `$${col("status")}${first}="${s}"`,
            fill: STATUS_COLORS[s].fill,
            font: STATUS_COLORS[s].font,
          })),
        },
        {
          ref: actualRef,
          rules: [{ formula: `LEN($${col("check")}${first})>0`, fill: "#F8CBAD", font: "#9C0006" }],
        },
      ],
      dataBars: [],
      charts: [],
      print: { landscape: true, area: area(1, 1, printLast, lastRow), repeatRows: [HEADER_ROW, HEADER_ROW] },
    },
  };
}

export const SUMMARY_HEADERS = ["Phần", "Nội dung", ...STATUSES, "Tổng số", "Tỷ lệ đạt"] as const;

function summarySheet(r: Resolution): SheetPlan {
  const cells: CellPlan[] = [];
  const head = 4;
  const first = head + 1;
  const totalRow = first + r.sections.length;
  const t = `'${TRACKING_SHEET}'!`;
  const idCol = `${t}$${col("id")}:$${col("id")}`;
  const statusCol = `${t}$${col("status")}:$${col("status")}`;
  const nCols = SUMMARY_HEADERS.length;
  const totalCol = 3 + STATUSES.length;
  const widths = [7, 44, ...STATUSES.map(() => 11), 9, 10];
  cells.push({ row: 1, col: 1, value: "TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU" });
  cells.push({ row: 2, col: 1, value: [r.title, r.organization].filter(Boolean).join(" — ") });
  SUMMARY_HEADERS.forEach((h, i) => cells.push({ row: head, col: i + 1, value: h }));
  r.sections.forEach((s, k) => {
    const row = first + k;
    cells.push({ row, col: 1, value: s.id });
    cells.push({ row, col: 2, value: s.title });
    STATUSES.forEach((_, i) => {
      const c = 3 + i;
      cells.push({ row, col: c, formula: `COUNTIFS(${idCol},$A${row}&".*",${statusCol},${colLetter(c)}$${head})` });
    });
    cells.push({ row, col: totalCol, formula: `COUNTIFS(${idCol},$A${row}&".*")` });
  });
  cells.push({ row: totalRow, col: 2, value: "Tổng cộng" });
  for (let c = 3; c <= totalCol; c++)
    cells.push({ row: totalRow, col: c, formula: `SUM(${colLetter(c)}${first}:${colLetter(c)}${totalRow - 1})` });
  for (let row = first; row <= totalRow; row++) {
    const n = `${colLetter(totalCol)}${row}`;
    cells.push({ row, col: nCols, formula: `IF(${n}=0,"",(C${row}+D${row})/${n})` });
  }
  cells.push({
    row: totalRow + 2,
    col: 1,
    value: `Số liệu tự cập nhật theo sheet “${TRACKING_SHEET}”. Tỷ lệ đạt = (Vượt + Đạt) ÷ Tổng số chỉ tiêu.`,
  });
  const styles: SheetPlan["styles"] = [
    { ref: area(1, 1, nCols, 1), style: { bold: true, size: 14, hAlign: "center" } },
    { ref: area(1, 2, nCols, 2), style: { italic: true, hAlign: "center", wrap: true } },
    {
      ref: area(1, head, nCols, head),
      style: { bold: true, fill: "#D9E1F2", hAlign: "center", wrap: true, border: true, vAlign: "center" },
    },
    { ref: area(1, first, nCols, totalRow), style: { border: true, vAlign: "center" } },
    { ref: area(1, first, 1, totalRow), style: { hAlign: "center" } },
    { ref: area(2, first, 2, totalRow), style: { wrap: true } },
    { ref: area(3, first, totalCol, totalRow), style: { hAlign: "center", numFmt: "0" } },
    { ref: area(nCols, first, nCols, totalRow), style: { numFmt: "0%" } },
    { ref: area(1, totalRow, nCols, totalRow), style: { bold: true, fill: "#F2F2F2", border: true } },
    { ref: area(1, totalRow + 2, nCols, totalRow + 2), style: { italic: true, color: "#595959" } },
  ];
  STATUSES.forEach((s, i) =>
    styles.push({
      ref: ref(3 + i, head),
      style: {
        fill: STATUS_COLORS[s].fill,
        color: STATUS_COLORS[s].font,
        bold: true,
        hAlign: "center",
        wrap: true,
        border: true,
      },
    }),
  );
  return {
    name: SUMMARY_SHEET,
    rowCount: totalRow + 2,
    colCount: nCols,
    cells,
    styles,
    merges: [area(1, 1, nCols, 1), area(1, 2, nCols, 2), area(1, totalRow + 2, nCols, totalRow + 2)],
    columns: widths.map((width) => ({ width })),
    rowHeights: [
      { row: head, height: 2 * LINE_HEIGHT + 2 },
      ...estimateHeights(cells, widths, new Set([2]), new Set(r.sections.map((_, k) => first + k))),
    ],
    freezeRows: head,
    validations: [],
    conditionalFormats: [],
    dataBars: [{ ref: area(nCols, first, nCols, totalRow), color: "#63BE7B" }],
    charts: [
      { title: "Kết quả thực hiện chỉ tiêu theo phần", sourceRef: area(2, head, 2 + STATUSES.length, totalRow - 1) },
    ],
    print: { landscape: true, area: area(1, 1, nCols, totalRow + 2) },
  };
}

/** Builds the whole workbook plan from a resolution: the one place that decides what the sheets hold. */
export function buildWorkbookPlan(r: Resolution, opts: PlanOptions = {}): WorkbookPlan {
  const { sheet, rows } = trackingSheet(r, opts);
  return {
    sheets: [sheet, summarySheet(r)],
    names: [{ name: TOLERANCE_NAME, sheet: TRACKING_SHEET, ref: TOLERANCE_CELL }],
    rows,
  };
}
