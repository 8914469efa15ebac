import {
  GROUP_API,
  PAGE_LAYOUT_API,
  SUMMARY_SHEET,
  TOLERANCE_NAME,
  TRACKING_SHEET,
  OWN_NAMES,
  eachCellOf,
  splitReference,
} from "./layout";
import { XML_FORBIDDEN, fitCell } from "../core/text";
import { toR1C1 } from "./evaluate";
import { readTrackingValues, type ExistingSheet } from "./sheet-read";
import { SHEET_COLORS } from "../core/palette";
export { readTrackingValues, type ExistingRow, type ExistingSheet } from "./sheet-read";
import { FONT, type CellStyle, type SheetPlan, type ValidationPlan, type WorkbookPlan } from "./sheet-plan";

export interface WorkbookState {
  sheetNames: string[];
  tracking: ExistingSheet | null;
  /** Whether the workbook already defines the tolerance name. */
  hasToleranceName: boolean;
  /** What the tolerance name refers to now ("='Theo dõi'!$E$3"), to restore it if an insert fails. */
  toleranceRef: string | null;
  /** What the estimate flags' names refer to now, for those that exist. */
  names?: Record<string, string>;
}

/**
 * Reads what the workbook holds now, in two syncs whatever its size. The tracking sheet is the one
 * the tolerance name points at (it follows the sheet when staff rename it), else "Theo dõi".
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tol = context.workbook.names.getItemOrNullObject(TOLERANCE_NAME);
  tol.load("value");
  const flags = OWN_NAMES.map((name) => {
    const item = context.workbook.names.getItemOrNullObject(name);
    item.load("value");
    return { name, item };
  });
  await context.sync();
  const names: Record<string, string> = {};
  for (const { name, item } of flags) if (!item.isNullObject) names[name] = String(item.value);
  const sheetNames = sheets.items.map((s) => s.name);
  const hasToleranceName = !tol.isNullObject;
  const toleranceRef = tol.isNullObject ? null : String(tol.value);
  const byName = (n: string | null) => (n === null ? undefined : sheetNames.find((x) => sameSheetName(x, n)));
  const candidates = [...new Set([byName(splitReference(toleranceRef)?.sheet ?? null), byName(TRACKING_SHEET)])].filter(
    (n): n is string => n !== undefined,
  );
  if (candidates.length === 0) return { sheetNames, tracking: null, hasToleranceName, toleranceRef, names };
  const used = candidates.map((n) => {
    const r = sheets.getItem(n).getUsedRangeOrNullObject(true);
    r.load("values,numberFormat,formulas,rowIndex");
    return r;
  });
  // A name that is no longer a range (a constant, or #REF! after sheets were deleted) reads as unknown.
  const tolRange = tol.isNullObject ? null : tol.getRangeOrNullObject();
  tolRange?.load("values");
  await context.sync();
  let existing: ExistingSheet | null = null;
  for (const [i, r] of used.entries()) {
    if (existing || r.isNullObject) continue;
    existing = readTrackingValues(candidates[i]!, r.values, r.rowIndex + 1, r.numberFormat, r.formulas);
  }
  if (existing) {
    const t: unknown = tolRange && !tolRange.isNullObject ? tolRange.values[0]?.[0] : null;
    existing.tolerance = tolRange ? (t ?? null) : undefined;
  }
  return { sheetNames, tracking: existing, hasToleranceName, toleranceRef, names };
}

/** A free name for keeping an old sheet: "Theo dõi (cũ)", "Theo dõi (cũ 2)", ... (31 characters at most). */
export function backupName(name: string, taken: string[]): string {
  for (let k = 1; ; k++) {
    const n = `${name} (cũ${k === 1 ? "" : ` ${k}`})`.slice(0, 31);
    if (!taken.some((t) => sameSheetName(t, n))) return n;
  }
}

/** Excel compares sheet names without regard to case. */
const sameSheetName = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

function styleRange(range: Excel.Range, st: CellStyle, area: boolean): void {
  const f = range.format;
  if (st.bold !== undefined) f.font.bold = st.bold;
  if (st.italic !== undefined) f.font.italic = st.italic;
  if (st.size !== undefined) f.font.size = st.size;
  if (st.color !== undefined) f.font.color = st.color;
  if (st.fill !== undefined) f.fill.color = st.fill;
  if (st.hAlign) f.horizontalAlignment = st.hAlign === "left" ? "Left" : st.hAlign === "center" ? "Center" : "Right";
  if (st.vAlign) f.verticalAlignment = st.vAlign === "top" ? "Top" : st.vAlign === "center" ? "Center" : "Bottom";
  if (st.wrap !== undefined) f.wrapText = st.wrap;
  if (st.border) {
    type Edge = Parameters<Excel.RangeBorderCollection["getItem"]>[0];
    const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (area) edges.push("InsideVertical", "InsideHorizontal");
    for (const edge of edges) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = SHEET_COLORS.border;
    }
  }
}

function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  const r = v.rule;
  if (r.type === "list") return { list: { inCellDropDown: true, source: r.values.join(",") } };
  const basic: Excel.BasicDataValidation =
    r.operator === "between"
      ? { operator: "Between", formula1: r.min, formula2: r.max }
      : { operator: "GreaterThanOrEqualTo", formula1: r.min };
  return r.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

/** Every plain string is written as text: Excel reads `formulas` like typing ("100%", "1/5", "-"). */
export const enteredValue = (v: string | number | boolean | null | undefined): string | number | boolean =>
  v === null || v === undefined || v === ""
    ? ""
    : typeof v === "string"
      ? `'${fitCell(v.replace(XML_FORBIDDEN, ""))}`
      : v;

/**
 * Runs of one formula down a column (consecutive rows, one share key: the same formula but for the
 * row): each is one R1C1 text for the whole run, so a request carries it once, not once per row
 * (Excel on the web refuses a request over 5 MB; a 2,000-row sheet's formulas are tens of MB).
 */
function formulaRuns(p: SheetPlan): { row: number; col: number; rows: number; r1c1: string }[] {
  const runs: { row: number; col: number; rows: number; r1c1: string }[] = [];
  const byCol = new Map<number, { row: number; share: string; run: (typeof runs)[number] }>();
  for (const c of [...p.cells].sort((a, b) => a.col - b.col || a.row - b.row)) {
    if (c.formula === undefined || c.share === undefined) continue;
    const last = byCol.get(c.col);
    if (last && last.share === c.share && last.row === c.row - 1) {
      last.run.rows++;
      last.row = c.row;
      continue;
    }
    const run = { row: c.row, col: c.col, rows: 1, r1c1: toR1C1(c.formula, c.row, c.col) };
    runs.push(run);
    byCol.set(c.col, { row: c.row, share: c.share, run });
  }
  return runs.filter((r) => r.rows > 1);
}

/** Bytes of a text in UTF-8, as a request carries it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A piece of the writing, queued by `run`, with the bytes it adds to a request (its arguments and bookkeeping). */
interface Step {
  bytes: number;
  run: () => void;
}
const OVERHEAD = 200;
const cellBytes = (v: string | number | boolean) => (typeof v === "string" ? utf8Length(v) + 3 : 12);

/** A grid written in blocks of rows, each well within one request. */
function gridSteps(
  ws: Excel.Worksheet,
  grid: (string | number | boolean)[][],
  cols: number,
  set: (range: Excel.Range, rows: (string | number | boolean)[][]) => void,
): Step[] {
  const steps: Step[] = [];
  let from = 0;
  let bytes = 0;
  const flush = (to: number) => {
    if (to <= from) return;
    const rows = grid.slice(from, to);
    const at = from;
    steps.push({ bytes: bytes + OVERHEAD, run: () => set(ws.getRangeByIndexes(at, 0, rows.length, cols), rows) });
    from = to;
    bytes = 0;
  };
  grid.forEach((row, i) => {
    const b = row.reduce<number>((n, v) => n + cellBytes(v), 2);
    if (bytes + b > REQUEST_BUDGET / 2) flush(i);
    bytes += b;
  });
  flush(grid.length);
  return steps;
}

/** Content, formats, validation and conditional formats: everything the sheet's meaning depends on. */
function sheetSteps(ws: Excel.Worksheet, p: SheetPlan): Step[] {
  const steps: Step[] = [];
  const step = (bytes: number, run: () => void) => steps.push({ bytes: bytes + OVERHEAD, run });
  const grid: (string | number | boolean)[][] = Array.from({ length: p.rowCount }, () => Array(p.colCount).fill(""));
  const fmt: string[][] = Array.from({ length: p.rowCount }, () => Array(p.colCount).fill("General"));
  const runs = formulaRuns(p);
  const inRun = new Set(runs.flatMap((r) => Array.from({ length: r.rows }, (_, k) => (r.row + k) * 16384 + r.col)));
  for (const c of p.cells)
    if (!inRun.has(c.row * 16384 + c.col))
      grid[c.row - 1]![c.col - 1] = c.formula !== undefined ? `=${c.formula}` : enteredValue(c.value);
  for (const s of p.styles) {
    const f = s.style.numFmt;
    if (f) eachCellOf(s.ref, (r, c) => (fmt[r - 1]![c - 1] = f));
  }
  step(0, () => {
    const all = ws.getRangeByIndexes(0, 0, p.rowCount, p.colCount);
    all.format.font.name = FONT;
    all.format.font.size = 12;
  });
  steps.push(...gridSteps(ws, fmt, p.colCount, (range, rows) => (range.numberFormat = rows as string[][])));
  steps.push(...gridSteps(ws, grid, p.colCount, (range, rows) => (range.formulas = rows)));
  // One value for a multi-cell range goes to every cell (ExcelApi reference of Range.formulas / formulasR1C1).
  for (const r of runs)
    step(utf8Length(r.r1c1), () => {
      ws.getRangeByIndexes(r.row - 1, r.col - 1, r.rows, 1).formulasR1C1 = `=${r.r1c1}` as unknown as string[][];
    });
  for (const s of p.styles) {
    const { numFmt: _n, ...rest } = s.style;
    if (Object.keys(rest).length > 0)
      step(OVERHEAD * Object.keys(rest).length, () => styleRange(ws.getRange(s.ref), rest, s.ref.includes(":")));
  }
  for (const m of p.merges) step(0, () => ws.getRange(m).merge(false));
  p.columns.forEach((c, i) =>
    step(0, () => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = c.width * 6)),
  );
  // Excel measures the text itself where it can (fonts differ on Mac and the web); estimates only elsewhere.
  const fit = p.autofitRows;
  for (const h of p.rowHeights)
    if (!fit || h.row < fit[0] || h.row > fit[1])
      step(0, () => (ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height));
  if (fit) step(0, () => ws.getRange(`${fit[0]}:${fit[1]}`).format.autofitRows());
  for (const r of p.hiddenRows) step(0, () => (ws.getRange(`${r}:${r}`).rowHidden = true));
  p.columns.forEach((c, i) => {
    if (c.hidden) step(0, () => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().columnHidden = true));
  });
  for (const v of p.validations)
    step(utf8Length(JSON.stringify(v)) + 2 * OVERHEAD, () => {
      const dv = ws.getRange(v.ref).dataValidation;
      dv.rule = validationRule(v);
      dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error };
      dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
    });
  for (const cf of p.conditionalFormats)
    for (const rule of cf.rules)
      step(utf8Length(rule.formula) + 3 * OVERHEAD, () => {
        const f = ws.getRange(cf.ref).conditionalFormats.add("Custom");
        f.custom.rule.formula = `=${rule.formula}`;
        f.custom.format.fill.color = rule.fill;
        f.custom.format.font.color = rule.font;
        if (rule.italic) f.custom.format.font.italic = true;
      });
  for (const d of p.dataBars)
    step(3 * OVERHEAD, () => {
      const f = ws.getRange(d.ref).conditionalFormats.add("DataBar");
      f.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
      f.dataBar.upperBoundRule = { type: "Number", formula: "1" };
      f.dataBar.positiveFormat.fillColor = d.color;
    });
  return steps;
}

/**
 * What one request may carry, estimated: Excel on the web refuses a request over 5 MB. A sheet
 * whose content is larger goes in several requests (a few more syncs, only for very large sheets).
 */
export const REQUEST_BUDGET = 3 * 2 ** 20;

export interface WriteOptions {
  /** Names of sheets that exist now (from readWorkbook). */
  sheetNames: string[];
  /** Whether the named tolerance cell exists now, and what it refers to. */
  hasToleranceName: boolean;
  toleranceRef?: string | null;
  /** The workbook's other names of the plan that exist now, and what they refer to (readWorkbook). */
  names?: Record<string, string>;
  /** Whether this Excel has ExcelApi `version`: every member newer than REQUIRED_API is guarded by it. */
  supports: (version: string) => boolean;
}

export interface WriteResult {
  kept: string[];
  /** What this Excel did not take of the print setup, the frozen header or the chart (the sheets are complete). */
  extras: string[];
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Writes the plan in one batch: old tracking and summary sheets are kept, renamed "(cũ)", never
 * deleted. Excel has no rollback, so when the batch fails the pieces already applied are undone
 * (new sheets deleted, old names and the tolerance name restored) before the error is passed on.
 * Print setup, frozen panes and the chart then follow, each in a guarded step of its own.
 */
export async function writeWorkbook(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  opts: WriteOptions,
): Promise<WriteResult> {
  const sheets = context.workbook.worksheets;
  const taken = [...opts.sheetNames];
  const renamed: { from: string; to: string }[] = [];
  for (const name of plan.sheets.map((p) => p.name)) {
    const existing = taken.find((t) => sameSheetName(t, name));
    if (existing === undefined) continue;
    const backup = backupName(name, taken);
    taken.push(backup);
    renamed.push({ from: existing, to: backup });
    sheets.getItem(existing).name = backup;
  }
  // The name first, then the formulas that use it.
  const added = plan.sheets.map((p) => sheets.add(p.name));
  // An existing name is pointed at the new cell rather than deleted, so a failed batch can point it back.
  const exists = (name: string) => (name === TOLERANCE_NAME ? opts.hasToleranceName : opts.names?.[name] !== undefined);
  for (const n of plan.names)
    if (exists(n.name)) context.workbook.names.getItem(n.name).formula = `='${n.sheet.replace(/'/g, "''")}'!${n.ref}`;
    else context.workbook.names.add(n.name, sheets.getItem(n.sheet).getRange(n.ref));
  const steps = plan.sheets.flatMap((p, i) => sheetSteps(added[i]!, p));
  added[0]?.activate();
  try {
    let used = 0;
    for (const st of steps) {
      if (used > 0 && used + st.bytes > REQUEST_BUDGET) {
        await context.sync();
        used = 0;
      }
      st.run();
      used += st.bytes;
    }
    await context.sync();
  } catch (e) {
    const undone = await undoPartial(context, plan, renamed, opts).then(
      () => true,
      () => false,
    );
    if (undone) throw e;
    throw Object.assign(
      new Error(
        `${why(e)}. Excel không hoàn tác được hết phần đã ghi: hãy xem lại các sheet “${TRACKING_SHEET}”, “${SUMMARY_SHEET}” và “(cũ)”`,
      ),
      { workbookChanged: true },
    );
  }
  const kept = renamed.map((r) => r.to);
  const extras: string[] = [];
  const step = async (what: string, queue: () => void) => {
    try {
      queue();
      await context.sync();
      return true;
    } catch (e) {
      extras.push(`${what}: ${why(e)}`);
      return false;
    }
  };
  for (const [i, p] of plan.sheets.entries()) {
    const ws = added[i]!;
    if (p.freezeRows > 0) await step(`Cố định dòng tiêu đề (${p.name})`, () => ws.freezePanes.freezeRows(p.freezeRows));
    if (opts.supports(PAGE_LAYOUT_API)) {
      let zoom: Excel.PageLayout | null = null;
      const applied = await step(`Thiết lập in (${p.name})`, () => {
        const pl = ws.pageLayout;
        pl.orientation = p.print.landscape ? "Landscape" : "Portrait";
        pl.paperSize = "A4";
        pl.setPrintArea(p.print.area);
        if (p.print.repeatRows) pl.setPrintTitleRows(`$${p.print.repeatRows[0]}:$${p.print.repeatRows[1]}`);
        const hf = pl.headersFooters.defaultForAllPages;
        hf.leftHeader = p.print.header.left;
        hf.centerHeader = p.print.header.center;
        hf.rightHeader = p.print.header.right;
        hf.leftFooter = p.print.footer.left;
        hf.centerFooter = p.print.footer.center;
        hf.rightFooter = p.print.footer.right;
        pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: p.print.pagesTall ?? 0 };
        for (const r of p.print.breaksBefore ?? []) ws.horizontalPageBreaks.add(`A${r}`);
        zoom = pl.load("zoom");
      });
      const z = applied ? (zoom as Excel.PageLayout | null)?.zoom : undefined;
      if (z && z.horizontalFitToPages !== 1)
        extras.push(
          `Excel chưa áp dụng “vừa một trang theo chiều ngang” cho sheet “${p.name}”: hãy chọn Bố trí Trang → Co giãn → Chiều rộng 1 trang trước khi in.`,
        );
    }
    // An outline group over the collapsed columns, so staff open them with "+" (ExcelApi 1.10; else they stay hidden).
    const groups = columnGroups(p);
    if (groups.length > 0 && opts.supports(GROUP_API))
      await step(`Nhóm cột (${p.name})`, () => {
        for (const [from, n] of groups) ws.getRangeByIndexes(0, from, 1, n).getEntireColumn().group("ByColumns");
      });
    for (const c of p.charts)
      await step(`Biểu đồ (${p.name})`, () => {
        const chart = ws.charts.add("BarStacked", ws.getRange(c.sourceRef), "Columns");
        chart.title.text = c.title;
        chart.setPosition(`A${p.rowCount + 3}`, `I${p.rowCount + 22}`);
      });
  }
  return { kept, extras };
}

/** Runs of grouped columns: [first (0-based), count]. */
function columnGroups(p: SheetPlan): [number, number][] {
  const runs: [number, number][] = [];
  p.columns.forEach((c, i) => {
    if (!c.grouped) return;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  });
  return runs;
}

/** After a failed batch: deletes what was added and restores names, so the workbook is as it was. */
async function undoPartial(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  renamed: { from: string; to: string }[],
  opts: WriteOptions,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tol = context.workbook.names.getItemOrNullObject(TOLERANCE_NAME);
  const others = plan.names
    .filter((n) => n.name !== TOLERANCE_NAME)
    .map((n) => ({ name: n.name, item: context.workbook.names.getItemOrNullObject(n.name) }));
  await context.sync();
  const now = sheets.items.map((s) => s.name);
  const has = (n: string) => now.some((x) => sameSheetName(x, n));
  for (const p of plan.sheets) {
    const old = renamed.find((r) => sameSheetName(r.from, p.name));
    // A sheet under the plan's name is new only if the old one was already renamed away.
    if (has(p.name) && (!old || has(old.to))) sheets.getItem(p.name).delete();
  }
  for (const r of renamed) if (has(r.to)) sheets.getItem(r.to).name = r.from;
  if (opts.toleranceRef && !tol.isNullObject) tol.formula = opts.toleranceRef;
  else if (!tol.isNullObject) tol.delete();
  else if (opts.toleranceRef) context.workbook.names.add(TOLERANCE_NAME, opts.toleranceRef);
  for (const { name, item } of others) {
    const before = opts.names?.[name];
    if (before !== undefined && !item.isNullObject) item.formula = before;
    else if (before === undefined && !item.isNullObject) item.delete();
  }
  await context.sync();
}
