import { figureFormat, measureOf, toExcel, type Measure } from "../core/measure";
import { STATUSES, STATUS_COLORS, type Resolution } from "../core/model";
import { evaluatePeriod } from "../core/report";
import { SHEET_COLORS } from "../core/palette";
import { DEFAULT_TOLERANCE, TOLERANCE_MAX, TOLERANCE_MIN, formatTolerance } from "../core/tolerance";
import { PERIOD_INFO, PRORATED_SHARES_TEXT, type Period } from "../core/words";
import {
  CUMULATIVE_HEADER,
  CUMULATIVE_WORDS,
  ESTIMATE_LABEL,
  ESTIMATE_ROW,
  HEADER_ROW,
  REVIEW_HEADERS,
  WORD_LISTS,
  WORD_LIST_WIDTH,
  listCells,
  periodHeader,
  periodKey,
  assignedKey,
  type Layout,
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
  printedOnTracking,
  trackingPrintEnd,
  type ColumnKey,
} from "./layout";
import {
  area,
  fitRowHeights,
  wrappedLines,
  pageBands,
  ref,
  type CellPlan,
  type CellStyle,
  type SheetPlan,
  type ValidationPlan,
  type ValidationRule,
  type WorkbookPlan,
} from "./sheet-plan";
import { asCell, encodeHeading, encodeRow } from "./tracking-row";
import type { RowContent } from "../core/content";
import { GUARDED_TOLERANCE, overrideChosen, toleranceWarningFormula } from "./formulas";

export interface TrackingContent {
  layout: Layout;
  /** What each row holds besides its target, by Mã (figures in Excel form). */
  rows: Record<string, RowContent>;
  tolerance: number;
  /** Periods whose figures are estimates (ước thực hiện). */
  estimates: readonly Period[];
}

function validationRule(m: Measure): ValidationRule | null {
  if (m.words) return { type: "list", values: [...m.words] };
  const type = m.integer ? "whole" : "decimal";
  const min = m.min === null ? -1e9 : toExcel(m.min, m);
  if (m.max !== null) return { type, operator: "between", min, max: toExcel(m.max, m) };
  if (m.min !== null) return { type, operator: "greaterThanOrEqual", min };
  return { type, operator: "between", min, max: 1e9 };
}

/** Consecutive rows with one rule become one range, in each period's figure column. */
function validationRanges(
  byRule: Map<string, { rule: ValidationRule; prompt: string; rows: number[] }>,
  layout: Layout,
) {
  const out: ValidationPlan[] = [];
  // Last year's figure ("Cùng kỳ"), in the column beside the period's own, takes the same figures.
  for (const period of layout.periods)
    for (const { rule, prompt, rows } of byRule.values()) {
      const c = col(periodKey("actual", period), layout);
      const to = col(periodKey("previous", period), layout);
      let start = rows[0]!;
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
        const end = rows[i - 1]!;
        out.push({
          ref: `${c}${start}:${to}${end}`,
          rule,
          errorTitle: "Số liệu không hợp lệ",
          error: `${prompt} Xem cột “Kiểm tra số liệu”.`,
          promptTitle: periodHeader("actual", period, layout.periods),
          prompt,
        });
        if (i < rows.length) start = rows[i]!;
      }
    }
  return out;
}

const TOLERANCE_LABEL = "Dung sai cho mức “Cơ bản đạt” (sửa được, màu tự cập nhật):";

/** The "Theo dõi" sheet: heading, tolerance, legend, header, then a section row and its indicators' rows. */
export function trackingSheet(
  r: Resolution,
  content: TrackingContent,
): { sheet: SheetPlan; rows: WorkbookPlan["rows"] } {
  const { layout } = content;
  const ci = (key: ColumnKey) => colIndex(key, layout);
  const c = (key: ColumnKey) => col(key, layout);
  const width = (key: ColumnKey) => layout.columns[ci(key) - 1]!.width;
  const cells: CellPlan[] = [];
  /** What status cells show when the file is written: sizes the rows, never written. */
  const shown: CellPlan[] = [];
  const rowStyles: SheetPlan["styles"] = [];
  const rows: WorkbookPlan["rows"] = [];
  const last = layout.columns.length;
  const printLast = trackingPrintEnd(layout);
  // Columns of the printed range that a page leaves out: grouped and collapsed (staff open them with "+").
  const collapsedAt = (i: number) => i < printLast && !printedOnTracking(layout.columns[i]!.key);
  const put = (row: number, key: ColumnKey | number, cell: Omit<CellPlan, "row" | "col">) =>
    cells.push({ row, col: typeof key === "number" ? key : ci(key), ...cell });
  const actualKeys = layout.periods.map((p) => periodKey("actual", p));

  cells.push(...encodeHeading(r, { title: TITLE_ROW, subtitle: SUBTITLE_ROW }, layout));
  put(TOLERANCE_ROW, "text", { value: TOLERANCE_LABEL });
  put(TOLERANCE_ROW, "targetText", { value: content.tolerance });
  put(TOLERANCE_ROW, actualKeys[0]!, { formula: toleranceWarningFormula() });
  put(TOLERANCE_ROW, "op", { value: "Dung sai áp dụng" });
  put(TOLERANCE_ROW, "value", { formula: GUARDED_TOLERANCE });
  WORD_LISTS.forEach((list, k) => listCells(list).forEach((w, i) => put(k + 1, last + 1 + i, { value: w })));
  put(ESTIMATE_ROW, "text", { value: ESTIMATE_LABEL });
  for (const p of layout.periods)
    put(ESTIMATE_ROW, periodKey("actual", p), { value: CUMULATIVE_WORDS[content.estimates.includes(p) ? 0 : 1] });
  put(LEGEND_ROW, "text", { value: "Chú giải màu cột Đánh giá:" });
  // The legend stands in columns a page prints (the collapsed ones would hide a colour).
  const legendCols = layout.columns.flatMap((_, i) => (i + 1 >= ci("unit") && !collapsedAt(i) ? [i + 1] : []));
  STATUSES.forEach((s, i) => put(LEGEND_ROW, legendCols[i]!, { value: s }));
  // Beside the printed range, on screen only: where the collapsed columns are.
  const collapsed = layout.columns.filter((_, i) => collapsedAt(i));
  const withoutPeriod = (h: string) => layout.periods.reduce((t, p) => t.replace(` ${PERIOD_INFO[p].label}`, ""), h);
  const names = [...new Set(collapsed.map((x) => withoutPeriod(x.header)))];
  if (names.length > 0)
    put(TOLERANCE_ROW, "note", {
      value: `Bấm dấu “+” trên tiêu đề cột để mở các cột ẩn khi in (${names.join(", ")}).`,
    });
  layout.columns.forEach((col, i) => put(HEADER_ROW, i + 1, { value: col.header }));
  layout.columns.forEach((col, i) => put(KEY_ROW, i + 1, { value: `${KEY_PREFIX}${col.key}` }));

  // The statuses each row shows when the file is written (its formulas' results, as core/report
  // evaluates them), so a row is tall enough for them.
  const judged = layout.periods.map((period) => ({
    period,
    byId: new Map(
      evaluatePeriod(r, { rows: content.rows, tolerance: content.tolerance }, period).map((x) => [x.id, x]),
    ),
  }));
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
      const own: RowContent = content.rows[ind.id] ?? { figures: {} };
      cells.push(...encodeRow(ind, section.id, row, layout, own));
      for (const { period, byId } of judged) {
        const res = byId.get(ind.id)!;
        shown.push({ row, col: ci(periodKey("status", period)), value: res.rule });
        if (period === "nam") shown.push({ row, col: ci("final"), value: res.status });
      }
      const m = measureOf(ind);
      for (const p of layout.periods) {
        rowStyles.push({
          ref: ref(ci(periodKey("actual", p)), row),
          style: { numFmt: figureFormat(m, asCell(own.figures[p])) },
        });
        rowStyles.push({
          ref: ref(ci(periodKey("previous", p)), row),
          style: { numFmt: figureFormat(m, asCell(own.previous?.[p])) },
        });
      }
      if (m.words === null) {
        const t = ind.target;
        const bounds = "min" in t ? [t.min, t.max] : "value" in t ? [t.value] : [];
        // The bound with the most decimals decides (a longer format has more).
        const fmt = [m.numFmt, ...bounds.map((v) => figureFormat(m, toExcel(v, m)))].sort(
          (a, b) => b.length - a.length,
        )[0]!;
        rowStyles.push({ ref: area(ci("value"), row, ci("max"), row), style: { numFmt: fmt } });
        if (layout.index.has("assignedValue"))
          rowStyles.push({ ref: area(ci("assignedValue"), row, ci("assignedMax"), row), style: { numFmt: fmt } });
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

  const column = (key: ColumnKey) => `${c(key)}${first}:${c(key)}${lastRow}`;
  const review: ValidationPlan[] = layout.index.has("final")
    ? [
        {
          ref: column("override"),
          rule: { type: "list", values: [...STATUSES] },
          errorTitle: "Đánh giá lại không hợp lệ",
          error: "Chọn một trong năm mức đánh giá, hoặc để trống để dùng đánh giá theo số liệu.",
          promptTitle: REVIEW_HEADERS.override,
          prompt: "Chỉ chọn khi cấp ủy đánh giá khác kết quả tính theo số liệu; ghi lý do ở cột bên cạnh.",
        },
      ]
    : [];
  const validations: ValidationPlan[] = [
    ...validationRanges(byRule, layout),
    ...review,
    {
      ref: column("cumulative"),
      rule: { type: "list", values: [...CUMULATIVE_WORDS] },
      errorTitle: "Cộng dồn không hợp lệ",
      error: "Chọn Có hoặc Không.",
      promptTitle: CUMULATIVE_HEADER,
      prompt: `Có: số liệu cộng dồn trong năm; các kỳ trước cuối năm được so với chỉ tiêu năm nhân ${PRORATED_SHARES_TEXT}.`,
    },
    ...layout.periods.map((p): ValidationPlan => ({
      ref: `${c(periodKey("actual", p))}${ESTIMATE_ROW}`,
      rule: { type: "list", values: [...CUMULATIVE_WORDS] },
      errorTitle: "Chọn Có hoặc Không",
      error: "Có: số liệu kỳ này là ước thực hiện.",
      promptTitle: "Ước thực hiện",
      prompt: "Có: báo cáo ghi “ước đạt”; không đổi kết quả đánh giá.",
    })),
    {
      ref: column("op"),
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
    ref: area(ci(key), first, ci(to), lastRow),
    style,
  });
  const hasAssigned = layout.index.has("assignedText");
  const statusKeys: ColumnKey[] = [
    ...layout.periods.map((p) => periodKey("status", p)),
    ...(layout.index.has("final") ? (["final"] as const) : []),
    ...(hasAssigned ? layout.periods.map((p) => assignedKey("assignedStatus", p)) : []),
  ];
  const styles: SheetPlan["styles"] = [
    { ref: area(1, TITLE_ROW, printLast, TITLE_ROW), style: { bold: true, size: 14, hAlign: "center", wrap: true } },
    { ref: area(1, SUBTITLE_ROW, printLast, SUBTITLE_ROW), style: { italic: true, hAlign: "center" } },
    // The label runs left over STT and Mã; where even they are too narrow (four periods), it wraps.
    {
      ref: ref(ci("text"), TOLERANCE_ROW),
      style: {
        bold: true,
        hAlign: "right",
        wrap: wrappedLines(TOLERANCE_LABEL, width("id") + width("no") + width("text"), 12, true) > 1,
      },
    },
    { ref: ref(ci("text"), ESTIMATE_ROW), style: { bold: true, hAlign: "right" } },
    ...actualKeys.map((k) => ({
      ref: ref(ci(k), ESTIMATE_ROW),
      style: { fill: SHEET_COLORS.setting, border: true, bold: true, hAlign: "center" as const },
    })),
    { ref: ref(ci("text"), LEGEND_ROW), style: { italic: true, hAlign: "right" } },
    { ref: ref(ci(actualKeys[0]!), TOLERANCE_ROW), style: { bold: true, color: SHEET_COLORS.warning, wrap: false } },
    { ref: tolRef, style: { numFmt: "0%", fill: SHEET_COLORS.setting, border: true, bold: true, hAlign: "center" } },
    { ref: ref(ci("op"), TOLERANCE_ROW), style: { color: SHEET_COLORS.muted, size: 10 } },
    {
      ref: ref(ci("value"), TOLERANCE_ROW),
      style: { numFmt: "0%", color: SHEET_COLORS.muted, size: 10, hAlign: "center" },
    },
    {
      ref: area(last + 1, 1, last + WORD_LIST_WIDTH, WORD_LISTS.length),
      style: { color: SHEET_COLORS.faint, size: 9 },
    },
    {
      ref: area(1, HEADER_ROW, last, HEADER_ROW),
      style: { bold: true, fill: SHEET_COLORS.header, hAlign: "center", vAlign: "center", wrap: true, border: true },
    },
    { ref: area(1, first, last, lastRow), style: { border: true, vAlign: "center", wrap: true } },
    band("id", { hAlign: "center" }, "no"),
    band("unit", { hAlign: "center" }),
    ...layout.periods.flatMap((p) => [
      band(periodKey("actual", p), { fill: SHEET_COLORS.input, hAlign: "right" }),
      band(periodKey("ratio", p), { numFmt: "0.0%", hAlign: "right" }),
      band(periodKey("check", p), { italic: true, color: SHEET_COLORS.warning }),
      band(periodKey("previous", p), { fill: SHEET_COLORS.input, hAlign: "right" }),
      band(periodKey("change", p), { numFmt: "0.0%", hAlign: "right" }),
    ]),
    ...statusKeys.map((k) => band(k, { hAlign: "center", bold: true })),
    ...(hasAssigned
      ? [
          band("assignedText", { fill: SHEET_COLORS.input }),
          ...layout.periods.map((p) => band(assignedKey("assignedRatio", p), { numFmt: "0.0%", hAlign: "right" })),
        ]
      : []),
    ...(layout.index.has("final")
      ? [
          band("override", { hAlign: "center", fill: SHEET_COLORS.input }),
          band("reasonCheck", { italic: true, color: SHEET_COLORS.warning }),
        ]
      : []),
    ...(hasAssigned ? [band("assignedCheck", { italic: true, color: SHEET_COLORS.warning })] : []),
    {
      ref: area(ci("cumulative"), first, last, lastRow),
      style: { color: SHEET_COLORS.muted, size: 10, hAlign: "center" },
    },
    ...STATUSES.map((s, i) => ({
      ref: ref(legendCols[i]!, LEGEND_ROW),
      style: {
        fill: STATUS_COLORS[s].fill,
        color: STATUS_COLORS[s].font,
        hAlign: "center" as const,
        bold: true,
        border: true,
        // "Chưa có số liệu" in a narrower column takes two lines rather than being cut.
        wrap: true,
      },
    })),
    ...rowStyles,
    ...sectionRows.map((sr) => ({
      ref: area(1, sr, last, sr),
      style: { bold: true, fill: SHEET_COLORS.band, border: true, wrap: false },
    })),
  ];

  const merges = [area(1, TITLE_ROW, printLast, TITLE_ROW), area(1, SUBTITLE_ROW, printLast, SUBTITLE_ROW)];
  const columns = [
    ...layout.columns.map((x, i) =>
      collapsedAt(i) ? { width: x.width, grouped: true, hidden: true } : { width: x.width },
    ),
    ...Array.from({ length: WORD_LIST_WIDTH }, () => ({ width: 12 })),
  ];
  const junkRule = (p: Period) => ({
    ref: column(periodKey("actual", p)),
    rules: [
      {
        formula: `LEN($${c(periodKey("check", p))}${first})>0`,
        fill: SHEET_COLORS.warningFill,
        font: SHEET_COLORS.warning,
      },
    ],
  });
  const statusRules = (key: ColumnKey) => ({
    ref: column(key),
    rules: [
      // Staff's own assessment shows in italics: the same colours, marked as chosen by people.
      ...(key === "final"
        ? STATUSES.map((s) => ({
            formula: `AND($${c(key)}${first}="${s}",${overrideChosen(`$${c("override")}${first}`)})`,
            fill: STATUS_COLORS[s].fill,
            font: STATUS_COLORS[s].font,
            italic: true,
          }))
        : []),
      ...STATUSES.map((s) => ({
        formula: `$${c(key)}${first}="${s}"`,
        fill: STATUS_COLORS[s].fill,
        font: STATUS_COLORS[s].font,
      })),
    ],
  });
  return {
    rows,
    sheet: {
      name: TRACKING_SHEET,
      rowCount: lastRow,
      colCount: last + WORD_LIST_WIDTH,
      cells,
      styles,
      merges,
      columns,
      rowHeights: fitRowHeights({ cells: [...cells, ...shown], styles, merges, columns }),
      freezeRows: HEADER_ROW,
      validations,
      conditionalFormats: [
        ...statusKeys.map(statusRules),
        ...layout.periods.map(junkRule),
        ...(hasAssigned
          ? [
              {
                ref: column("assignedText"),
                rules: [
                  {
                    formula: `LEN($${c("assignedCheck")}${first})>0`,
                    fill: SHEET_COLORS.warningFill,
                    font: SHEET_COLORS.warning,
                  },
                ],
              },
            ]
          : []),
        ...(layout.index.has("final")
          ? [
              {
                ref: column("reason"),
                rules: [
                  {
                    formula: `LEN($${c("reasonCheck")}${first})>0`,
                    fill: SHEET_COLORS.warningFill,
                    font: SHEET_COLORS.warning,
                  },
                ],
              },
            ]
          : []),
      ],
      dataBars: [],
      charts: [],
      autofitRows: [HEADER_ROW, lastRow],
      hiddenRows: [KEY_ROW],
      // Each row's check follows its own figure's limits, so neighbouring check formulas differ.
      inconsistentFormulas: [
        ...layout.periods.map((p) => column(periodKey("check", p))),
        ...(layout.index.has("reasonCheck") ? [column("reasonCheck")] : []),
      ],
      print: {
        landscape: true,
        area: area(1, 1, printLast, lastRow),
        repeatRows: [HEADER_ROW, HEADER_ROW],
        ...pageBands(r.title, r.organization),
      },
    },
  };
}
