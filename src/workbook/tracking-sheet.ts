import { figureFormat, measureOf, toExcel, type Measure } from "../core/measure";
import { STATUSES, STATUS_COLORS, type Resolution } from "../core/model";
import { DEFAULT_TOLERANCE, TOLERANCE_MAX, TOLERANCE_MIN, formatTolerance } from "../core/tolerance";
import {
  COLUMNS,
  HEADER_ROW,
  KEY_PREFIX,
  KEY_ROW,
  LEGEND_ROW,
  OP_LABELS,
  SUBTITLE_ROW,
  TITLE_ROW,
  TOLERANCE_CELL,
  TOLERANCE_ROW,
  TRACKING_SHEET,
  col,
  colIndex,
  type ColumnKey,
} from "./layout";
import {
  area,
  fitRowHeights,
  pageBands,
  ref,
  type CellPlan,
  type CellStyle,
  type CellValue,
  type SheetPlan,
  type ValidationPlan,
  type ValidationRule,
  type WorkbookPlan,
} from "./sheet-plan";
import { encodeHeading, encodeRow } from "./tracking-row";
import { toleranceWarningFormula } from "./formulas";

export interface TrackingContent {
  /** Figures in Excel form, by Mã. */
  figures: Record<string, CellValue>;
  notes: Record<string, string>;
  tolerance: number;
}

function validationRule(m: Measure): ValidationRule | null {
  if (m.words) return { type: "list", values: [...m.words] };
  const type = m.integer ? "whole" : "decimal";
  const min = m.min === null ? -1e9 : toExcel(m.min, m);
  if (m.max !== null) return { type, operator: "between", min, max: toExcel(m.max, m) };
  if (m.min !== null) return { type, operator: "greaterThanOrEqual", min };
  return { type, operator: "between", min, max: 1e9 };
}

/** Consecutive rows with one rule become one range. */
function validationRanges(byRule: Map<string, { rule: ValidationRule; prompt: string; rows: number[] }>) {
  const out: ValidationPlan[] = [];
  const c = col("actual");
  for (const { rule, prompt, rows } of byRule.values()) {
    let start = rows[0]!;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
      const end = rows[i - 1]!;
      out.push({
        ref: start === end ? `${c}${start}` : `${c}${start}:${c}${end}`,
        rule,
        errorTitle: "Số liệu không hợp lệ",
        error: `${prompt} Xem cột “Kiểm tra số liệu”.`,
        promptTitle: "Thực hiện",
        prompt,
      });
      if (i < rows.length) start = rows[i]!;
    }
  }
  return out;
}

/** The "Theo dõi" sheet: heading, tolerance, legend, header, then a section row and its indicators' rows. */
export function trackingSheet(
  r: Resolution,
  content: TrackingContent,
): { sheet: SheetPlan; rows: WorkbookPlan["rows"] } {
  const cells: CellPlan[] = [];
  const rowStyles: SheetPlan["styles"] = [];
  const rows: WorkbookPlan["rows"] = [];
  const last = COLUMNS.length;
  const printLast = colIndex("note");
  const put = (row: number, key: ColumnKey | number, c: Omit<CellPlan, "row" | "col">) =>
    cells.push({ row, col: typeof key === "number" ? key : colIndex(key), ...c });

  cells.push(...encodeHeading(r, { title: TITLE_ROW, subtitle: SUBTITLE_ROW }));
  put(TOLERANCE_ROW, "text", { value: "Dung sai cho mức “Cơ bản đạt” (sửa được, màu tự cập nhật):" });
  put(TOLERANCE_ROW, "targetText", { value: content.tolerance });
  put(TOLERANCE_ROW, "actual", { formula: toleranceWarningFormula() });
  put(LEGEND_ROW, "text", { value: "Chú giải màu cột Đánh giá:" });
  STATUSES.forEach((s, i) => put(LEGEND_ROW, colIndex("unit") + i, { value: s }));
  COLUMNS.forEach((c, i) => put(HEADER_ROW, i + 1, { value: c.header }));
  COLUMNS.forEach((c, i) => put(KEY_ROW, i + 1, { value: `${KEY_PREFIX}${c.key}` }));

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
      cells.push(...encodeRow(ind, section.id, row, { figure: content.figures[ind.id], note: content.notes[ind.id] }));
      const m = measureOf(ind);
      rowStyles.push({
        ref: ref(colIndex("actual"), row),
        style: { numFmt: figureFormat(m, content.figures[ind.id]) },
      });
      if (m.words === null) {
        const t = ind.target;
        const bounds = "min" in t ? [t.min, t.max] : "value" in t ? [t.value] : [];
        // The bound with the most decimals decides (a longer format has more).
        const fmt = [m.numFmt, ...bounds.map((v) => figureFormat(m, toExcel(v, m)))].sort(
          (a, b) => b.length - a.length,
        )[0]!;
        rowStyles.push({ ref: area(colIndex("value"), row, colIndex("max"), row), style: { numFmt: fmt } });
      }
      const rule = validationRule(m);
      if (rule) {
        const key = JSON.stringify([rule, m.kind]);
        const entry = byRule.get(key) ?? { rule, prompt: m.prompt, rows: [] };
        entry.rows.push(row);
        byRule.set(key, entry);
      }
    }
  }
  const first = HEADER_ROW + 1;
  const lastRow = Math.max(row, first);
  const tolRef = TOLERANCE_CELL.replace(/\$/g, "");

  const validations: ValidationPlan[] = [
    ...validationRanges(byRule),
    {
      ref: `${col("op")}${first}:${col("op")}${lastRow}`,
      rule: { type: "list", values: Object.values(OP_LABELS) },
      errorTitle: "Kiểu chỉ tiêu không hợp lệ",
      error: "Chọn kiểu chỉ tiêu trong danh sách.",
      promptTitle: "Kiểu chỉ tiêu",
      prompt: "≥ đạt từ mức trở lên; > trên mức; ≤ không quá; < dưới; từ - đến; thứ hạng; xếp loại; định tính.",
    },
    {
      ref: tolRef,
      rule: { type: "decimal", operator: "between", min: TOLERANCE_MIN, max: TOLERANCE_MAX },
      errorTitle: "Dung sai không hợp lệ",
      error: `Dung sai là tỷ lệ từ ${formatTolerance(TOLERANCE_MIN)} đến ${formatTolerance(TOLERANCE_MAX)}, ví dụ ${formatTolerance(DEFAULT_TOLERANCE)}.`,
      promptTitle: "Dung sai",
      prompt: "Số liệu chưa đạt nhưng thiếu không quá mức này được đánh giá “Cơ bản đạt”.",
    },
  ];

  const band = (key: ColumnKey, style: CellStyle, to: ColumnKey = key) => ({
    ref: area(colIndex(key), first, colIndex(to), lastRow),
    style,
  });
  const styles: SheetPlan["styles"] = [
    { ref: area(1, TITLE_ROW, printLast, TITLE_ROW), style: { bold: true, size: 14, hAlign: "center", wrap: true } },
    { ref: area(1, SUBTITLE_ROW, printLast, SUBTITLE_ROW), style: { italic: true, hAlign: "center" } },
    { ref: ref(colIndex("text"), TOLERANCE_ROW), style: { bold: true, hAlign: "right" } },
    { ref: ref(colIndex("text"), LEGEND_ROW), style: { italic: true, hAlign: "right" } },
    { ref: ref(colIndex("actual"), TOLERANCE_ROW), style: { bold: true, color: "#9C0006" } },
    { ref: tolRef, style: { numFmt: "0%", fill: "#FFF2CC", border: true, bold: true, hAlign: "center" } },
    {
      ref: area(1, HEADER_ROW, last, HEADER_ROW),
      style: { bold: true, fill: "#D9E1F2", hAlign: "center", vAlign: "center", wrap: true, border: true },
    },
    { ref: area(1, first, last, lastRow), style: { border: true, vAlign: "center", wrap: true } },
    band("id", { hAlign: "center" }, "no"),
    band("unit", { hAlign: "center" }),
    band("actual", { fill: "#FFFDF0", hAlign: "right" }),
    band("ratio", { numFmt: "0.0%", hAlign: "right" }),
    band("status", { hAlign: "center", bold: true }),
    band("check", { italic: true, color: "#9C0006" }),
    { ref: area(colIndex("op"), first, last, lastRow), style: { color: "#595959", size: 10, hAlign: "center" } },
    ...STATUSES.map((s, i) => ({
      ref: ref(colIndex("unit") + i, LEGEND_ROW),
      style: {
        fill: STATUS_COLORS[s].fill,
        color: STATUS_COLORS[s].font,
        hAlign: "center" as const,
        bold: true,
        border: true,
      },
    })),
    ...rowStyles,
    ...sectionRows.map((sr) => ({
      ref: area(1, sr, last, sr),
      style: { bold: true, fill: "#F2F2F2", border: true, wrap: false },
    })),
  ];

  const merges = [area(1, TITLE_ROW, printLast, TITLE_ROW), area(1, SUBTITLE_ROW, printLast, SUBTITLE_ROW)];
  const columns = COLUMNS.map((c) => ({ width: c.width }));
  return {
    rows,
    sheet: {
      name: TRACKING_SHEET,
      rowCount: lastRow,
      colCount: last,
      cells,
      styles,
      merges,
      columns,
      rowHeights: fitRowHeights({ cells, styles, merges, columns }),
      freezeRows: HEADER_ROW,
      validations,
      conditionalFormats: [
        {
          ref: `${col("status")}${first}:${col("status")}${lastRow}`,
          rules: STATUSES.map((s) => ({
            formula: `$${col("status")}${first}="${s}"`,
            fill: STATUS_COLORS[s].fill,
            font: STATUS_COLORS[s].font,
          })),
        },
        {
          ref: `${col("actual")}${first}:${col("actual")}${lastRow}`,
          rules: [{ formula: `LEN($${col("check")}${first})>0`, fill: "#F8CBAD", font: "#9C0006" }],
        },
      ],
      dataBars: [],
      charts: [],
      autofitRows: [HEADER_ROW, lastRow],
      hiddenRows: [KEY_ROW],
      print: {
        landscape: true,
        area: area(1, 1, printLast, lastRow),
        repeatRows: [HEADER_ROW, HEADER_ROW],
        ...pageBands(r.title, r.organization),
      },
    },
  };
}
