import {
  DEFAULT_PERIODS,
  PERIODS,
  PERIOD_INFO,
  QUALITATIVE_ANSWERS,
  RATING_LEVELS,
  STATUSES,
  type Period,
} from "../core/words";
import { readTypedWord, wordSpellings } from "../core/typed";
import { STATUS_RULES, TARGET_OPS, type TargetOp } from "../core/rules";
import { assignedHeader } from "../core/assigned-words";

export const TRACKING_SHEET = "Theo dõi";

/** Requirement sets the Excel writer needs: data validation arrived in ExcelApi 1.8. */
export const REQUIRED_API = "1.8";
/** Page layout (A4, fit to width, print titles, header and footer) needs 1.9; older Excel gets the sheet without it. */
export const PAGE_LAYOUT_API = "1.9";
/** Outline groups of columns (Range.group) arrived in 1.10. */
export const GROUP_API = "1.10";
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
export const REPORT_SHEET = "Báo cáo";
export const TOLERANCE_NAME = "DungSai";

/**
 * The figure, ratio, status and check columns exist once per review period, and so do last year's
 * figure ("Cùng kỳ") and the comparison with it ("So với cùng kỳ", semantics section 9).
 */
export const PERIOD_BASES = ["actual", "ratio", "status", "check", "previous", "change"] as const;
export type PeriodBase = (typeof PERIOD_BASES)[number];
/** The year keeps the plain key ("actual"); earlier periods add theirs ("actual6t"). */
export type PeriodColumnKey = `${PeriodBase}${"" | Exclude<Period, "nam">}`;
export const periodKey = (base: PeriodBase, p: Period): PeriodColumnKey =>
  (p === "nam" ? base : `${base}${p}`) as PeriodColumnKey;

/** The assigned target's ratio and status exist once per review period (semantics section 10). */
export const ASSIGNED_BASES = ["assignedRatio", "assignedStatus"] as const;
export type AssignedBase = (typeof ASSIGNED_BASES)[number];
export type AssignedColumnKey = `${AssignedBase}${"" | Exclude<Period, "nam">}`;
export const assignedKey = (base: AssignedBase, p: Period): AssignedColumnKey =>
  (p === "nam" ? base : `${base}${p}`) as AssignedColumnKey;

export type ColumnKey =
  | "id"
  | "no"
  | "text"
  | "unit"
  | "targetText"
  | PeriodColumnKey
  | "override"
  | "reason"
  | "final"
  | "note"
  | "reasonCheck"
  | "cumulative"
  | "cumulativeOn"
  | "op"
  | "value"
  | "max"
  | "assignedText"
  | AssignedColumnKey
  | "assignedCheck"
  | "assignedOp"
  | "assignedValue"
  | "assignedMax"
  | "assignedRead";

export interface Column {
  key: ColumnKey;
  header: string;
  width: number;
}

/** A status column's width: "Chưa có số liệu" in bold 12 pt on one line (sheet-plan.wrappedLines). */
const STATUS_WIDTH = 15.5;
const PERIOD_HEADERS: Record<PeriodBase, { header: string; width: number }> = {
  actual: { header: "Thực hiện", width: 14 },
  ratio: { header: "Tỷ lệ hoàn thành", width: 12 },
  status: { header: "Đánh giá", width: STATUS_WIDTH },
  check: { header: "Kiểm tra số liệu", width: 30 },
  previous: { header: "Cùng kỳ", width: 13 },
  change: { header: "So với cùng kỳ", width: 11 },
};
/** A sheet with only the year names last year's figure so (interfaces.md). */
const YEAR_ONLY_HEADERS: Partial<Record<PeriodBase, string>> = { previous: "Cùng kỳ năm trước" };
/** Staff's own assessment for the year and the final status (semantics section 7). */
export const REVIEW_HEADERS = { override: "Đánh giá lại", reason: "Lý do", final: "Kết quả" } as const;
export const CUMULATIVE_HEADER = "Cộng dồn";
export const CUMULATIVE_WORDS = ["Có", "Không"] as const;
/** A "Có"/"Không" cell read back (as typed.ts reads a word): "Có" true, "Không" false, anything else null. */
export function cumulativeCell(v: unknown): boolean | null {
  const word = readTypedWord(v, CUMULATIVE_WORDS);
  return word === null ? null : word === CUMULATIVE_WORDS[0];
}

/** A header as a sheet of these periods names it: "Thực hiện 6 tháng"; a sheet with only the year keeps "Thực hiện". */
export function periodHeader(base: PeriodBase, p: Period, periods: readonly Period[]): string {
  const h = PERIOD_HEADERS[base].header;
  if (periods.length === 1 && p === "nam") return YEAR_ONLY_HEADERS[base] ?? h;
  return base === "check" ? `Kiểm tra ${PERIOD_INFO[p].label}` : `${h} ${PERIOD_INFO[p].label}`;
}

/** The columns of a tracking sheet with these review periods. */
export interface Layout {
  periods: readonly Period[];
  /** Who assigned ("tỉnh"), when the sheet has the assigned target's columns. */
  assignedBy?: string;
  columns: readonly Column[];
  /** 1-based column of a key, or 0 when this layout has no such column. */
  index: ReadonlyMap<ColumnKey, number>;
}

export { DEFAULT_PERIODS };

/**
 * Printed columns first (identity, per period figure, ratio, status, last year's figure and the
 * change from it, the year's assessment and
 * result, notes), then the technical ones: checks, "Cộng dồn" and the target the formulas read.
 */
export function sheetLayout(periods: readonly Period[] = DEFAULT_PERIODS, opts: { assignedBy?: string } = {}): Layout {
  const by = opts.assignedBy;
  const ps = PERIODS.filter((p) => periods.includes(p));
  if (ps.length === 0) throw new Error("a tracking sheet needs at least one period");
  const per = (base: PeriodBase, p: Period): Column => ({
    key: periodKey(base, p),
    header: periodHeader(base, p, ps),
    width: PERIOD_HEADERS[base].width,
  });
  const year = ps.includes("nam");
  // "Chỉ tiêu tỉnh giao", "Đánh giá tỉnh giao 6 tháng": the assigned target's columns, when the sheet has them.
  const assigned = (p: Period): Column[] => {
    if (by === undefined) return [];
    const only = ps.length === 1 && p === "nam";
    const label = only ? "" : ` ${PERIOD_INFO[p].label}`;
    return [
      { key: assignedKey("assignedRatio", p), header: `So với kế hoạch ${by} giao${label}`, width: 12 },
      { key: assignedKey("assignedStatus", p), header: `Đánh giá ${by} giao${label}`, width: 13 },
    ];
  };
  const columns: Column[] = [
    { key: "id", header: "Mã", width: 8 },
    { key: "no", header: "STT", width: 5 },
    { key: "text", header: "Chỉ tiêu", width: 50 },
    { key: "unit", header: "Đơn vị tính", width: 11 },
    { key: "targetText", header: "Chỉ tiêu đề ra", width: 20 },
    ...(by !== undefined ? [{ key: "assignedText", header: assignedHeader(by), width: 18 } as const] : []),
    // Last year's figure beside this year's: one data validation covers both.
    ...ps.flatMap((p) => [
      per("actual", p),
      per("previous", p),
      per("ratio", p),
      per("status", p),
      per("change", p),
      ...assigned(p),
    ]),
    ...(year
      ? [
          { key: "override", header: REVIEW_HEADERS.override, width: 12 } as const,
          { key: "reason", header: REVIEW_HEADERS.reason, width: 20 } as const,
          { key: "final", header: REVIEW_HEADERS.final, width: STATUS_WIDTH } as const,
        ]
      : []),
    { key: "note", header: "Ghi chú", width: 22 },
    ...ps.map((p) => per("check", p)),
    ...(year ? [{ key: "reasonCheck", header: "Kiểm tra đánh giá lại", width: 24 } as const] : []),
    ...(by !== undefined ? [{ key: "assignedCheck", header: `Kiểm tra chỉ tiêu ${by} giao`, width: 24 } as const] : []),
    { key: "cumulative", header: CUMULATIVE_HEADER, width: 9 },
    // "Cộng dồn" as the formulas read it (TRUE/FALSE), once per row rather than in every bound.
    { key: "cumulativeOn", header: `${CUMULATIVE_HEADER} (đọc được)`, width: 9 },
    { key: "op", header: "Kiểu chỉ tiêu", width: 11 },
    { key: "value", header: "Mức chỉ tiêu", width: 14 },
    { key: "max", header: "Mức tối đa", width: 10 },
    // The assigned phrase as the formulas read it, and the phrase it was read from (the check compares).
    ...(by !== undefined
      ? ([
          { key: "assignedOp", header: `Kiểu chỉ tiêu ${by} giao`, width: 11 },
          { key: "assignedValue", header: `Mức ${by} giao`, width: 14 },
          { key: "assignedMax", header: `Mức tối đa ${by} giao`, width: 10 },
          { key: "assignedRead", header: `Chỉ tiêu ${by} giao đã đọc`, width: 18 },
        ] as const)
      : []),
  ];
  fitPrintedWidth(columns);
  return {
    periods: ps,
    ...(by !== undefined ? { assignedBy: by } : {}),
    columns,
    index: new Map(columns.map((c, i) => [c.key, i + 1])),
  };
}

/**
 * The widest printed range (in character widths) that A4 landscape fits at 75%, where 12 pt body text
 * prints at 9 pt. A wider sheet narrows its printed columns to it: figures first, then the
 * indicator's text and target, then statuses (which then wrap "Chưa có số liệu"), each to a floor
 * that still reads.
 */
const PRINT_WIDTH = 188;
const NARROWEST: Partial<Record<ColumnKey, number>> = { text: 36, targetText: 16 };
function fitPrintedWidth(columns: Column[]): void {
  const printed = () => columns.filter((c) => printedOnTracking(c.key));
  let over = printed().reduce((n, c) => n + c.width, 0) - PRINT_WIDTH;
  // Evenly across a group's columns, each down to its floor at most.
  const narrow = (pick: (c: Column) => boolean, floor: (c: Column) => number) => {
    for (let group = printed().filter(pick); over > 0.01 && group.length > 0;) {
      const share = over / group.length;
      for (const c of group) {
        const by = Math.min(share, c.width - floor(c));
        c.width = Math.round((c.width - by) * 100) / 100;
        over -= by;
      }
      group = group.filter((c) => c.width > floor(c));
    }
  };
  narrow(
    (c) => c.key.startsWith("actual"),
    () => 11,
  );
  narrow(
    (c) => c.key in NARROWEST,
    (c) => NARROWEST[c.key]!,
  );
  narrow(
    (c) => c.key.startsWith("status") || c.key === "final",
    () => 12,
  );
}

/**
 * The tracking sheet's columns a printed page shows: Mã, what was planned, each period's figure and
 * status, and the result. The other columns up to the result (ratios, staff's assessment, any column
 * added later) are grouped and collapsed, and the print area ends at the result, so A4 landscape
 * holds the table at 9 pt or more with three periods; the Biểu sheets print the rest.
 */
const PRINTED_KEYS: ReadonlySet<string> = new Set<string>([
  "id",
  "no",
  "text",
  "unit",
  "targetText",
  "final",
  ...PERIODS.flatMap((p) => [periodKey("actual", p), periodKey("status", p)]),
]);
export const printedOnTracking = (key: ColumnKey): boolean => PRINTED_KEYS.has(key);
/** The last column of the tracking sheet's print area (1-based): the last printed one before the notes. */
export function trackingPrintEnd(layout: Layout): number {
  const before = layout.columns.slice(0, colIndex("note", layout) - 1);
  return before.map((c) => printedOnTracking(c.key)).lastIndexOf(true) + 1;
}

export const DEFAULT_LAYOUT = sheetLayout();

/** 1-based column of a key in a layout (the default one unless given); throws when it has none. */
export function colIndex(key: ColumnKey, layout: Layout = DEFAULT_LAYOUT): number {
  const i = layout.index.get(key);
  if (!i) throw new Error(`no column ${key} in a sheet of ${layout.periods.join(",")}`);
  return i;
}

/** The status column whose colours and counts stand for a period: the year's is "Kết quả". */
export const resultKey = (p: Period): ColumnKey => (p === "nam" ? "final" : periodKey("status", p));

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

export const col = (key: ColumnKey, layout: Layout = DEFAULT_LAYOUT): string => colLetter(colIndex(key, layout));

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

/** Rows above the table: title, organisation, tolerance, estimate flags, legend. */
export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const TOLERANCE_ROW = 3;
/** "Có" above a period's figure column when its figures are estimates (ước thực hiện). */
export const ESTIMATE_ROW = 4;
export const ESTIMATE_LABEL = "Số liệu là ước thực hiện (Có/Không):";
export const LEGEND_ROW = 5;
/** A hidden row of column keys: the add-in finds its columns by them even when staff reword a header. */
export const KEY_ROW = 6;
export const KEY_PREFIX = "chitieu:";
export const HEADER_ROW = 7;

/** The named cell of a period's estimate flag (the review text reads it). */
export const estimateName = (p: Period): string => `UocTinh_${PERIOD_INFO[p].cellName}`;

/** The tolerance the formulas use: DungSai when valid, else the default (one cell, named, beside the target columns). */
export const APPLIED_TOLERANCE_NAME = "DungSaiApDung";
/**
 * The words staff type that formulas read (the rating and qualitative scales, the five statuses of
 * "Đánh giá lại", Có/Không), one list a row in the rows above the header right of the table (no
 * sort of the table moves them), named for the formulas. A list holds every word in each spelling
 * core/typed.ts accepts, spelling after spelling: the formulas take a match's position modulo the
 * number of words.
 */
export const WORD_LISTS = [
  { name: "MucXepLoai", words: RATING_LEVELS },
  { name: "MucDinhTinh", words: QUALITATIVE_ANSWERS },
  { name: "MucDanhGia", words: STATUSES },
  { name: "MucCoKhong", words: CUMULATIVE_WORDS },
] as const;
export type WordList = (typeof WORD_LISTS)[number];
/** A list's cells, left to right. */
export const listCells = (list: WordList): string[] =>
  [0, 1, 2].flatMap((k) => (list.words as readonly string[]).map((w) => wordSpellings(w)[k]!));
/** How many columns right of the table the lists take. */
export const WORD_LIST_WIDTH = Math.max(...WORD_LISTS.map((l) => listCells(l).length));
/** The list of a set of words (the rule table's scales and the check's limits name their words). */
export const listOf = (words: readonly string[]): WordList | undefined => WORD_LISTS.find((l) => l.words === words);
/** Every name the add-in defines besides DungSai: re-pointed, never added twice, when a sheet is inserted again. */
export const OWN_NAMES = [APPLIED_TOLERANCE_NAME, ...WORD_LISTS.map((w) => w.name), ...PERIODS.map(estimateName)];
export const TOLERANCE_CELL = `$${col("targetText")}$${TOLERANCE_ROW}`;

/**
 * The resolution's organisation and year, stored as they are beside these labels in the
 * technical columns above the header (the printed subtitle joins them for people).
 */
export const HEADING_LABELS = { organization: "Cơ quan ban hành", year: "Năm" } as const;
