import { SUMMARY_SHEET, TOLERANCE_NAME, TRACKING_SHEET, eachCellOf } from "./layout";
import { readTrackingValues, type ExistingSheet } from "./sheet-read";
export { readTrackingValues, type ExistingRow, type ExistingSheet } from "./sheet-read";
import { FONT, type CellStyle, type SheetPlan, type ValidationPlan, type WorkbookPlan } from "./sheet-plan";

export interface WorkbookState {
  sheetNames: string[];
  tracking: ExistingSheet | null;
  /** Whether the workbook already defines the tolerance name. */
  hasToleranceName: boolean;
}

/** Reads what the workbook holds now, in two syncs whatever its size. */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tracking = sheets.getItemOrNullObject(TRACKING_SHEET);
  const tol = context.workbook.names.getItemOrNullObject(TOLERANCE_NAME);

  await context.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const hasToleranceName = !tol.isNullObject;
  if (tracking.isNullObject) return { sheetNames, tracking: null, hasToleranceName };
  const used = tracking.getUsedRange(true);
  used.load("values,rowIndex");
  const tolRange = tol.isNullObject ? null : tol.getRange();
  tolRange?.load("values");
  await context.sync();
  const existing = readTrackingValues(TRACKING_SHEET, used.values, used.rowIndex + 1);
  if (existing) {
    const t: unknown = tolRange?.values[0]?.[0];
    existing.tolerance = tolRange ? (t ?? null) : undefined;
  }
  return { sheetNames, tracking: existing, hasToleranceName };
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
      b.color = "#8EA9DB";
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

/** Text that Excel would read as a formula is written as text. */
const safe = (v: string | number | boolean | null | undefined): string | number | boolean =>
  v === null || v === undefined ? "" : typeof v === "string" && /^[=+\-@]/u.test(v) ? `'${v}` : v;

function writeSheet(ws: Excel.Worksheet, p: SheetPlan): void {
  const all = ws.getRangeByIndexes(0, 0, p.rowCount, p.colCount);
  const grid: (string | number | boolean)[][] = Array.from({ length: p.rowCount }, () => Array(p.colCount).fill(""));
  const fmt: string[][] = Array.from({ length: p.rowCount }, () => Array(p.colCount).fill("General"));
  for (const c of p.cells) grid[c.row - 1]![c.col - 1] = c.formula !== undefined ? `=${c.formula}` : safe(c.value);
  for (const s of p.styles) {
    const f = s.style.numFmt;
    if (f) eachCellOf(s.ref, (r, c) => (fmt[r - 1]![c - 1] = f));
  }
  all.format.font.name = FONT;
  all.format.font.size = 12;
  all.numberFormat = fmt;
  all.formulas = grid;
  for (const s of p.styles) {
    const { numFmt: _n, ...rest } = s.style;
    if (Object.keys(rest).length > 0) styleRange(ws.getRange(s.ref), rest, s.ref.includes(":"));
  }
  for (const m of p.merges) ws.getRange(m).merge(false);
  p.columns.forEach((c, i) => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = c.width * 6));
  for (const h of p.rowHeights) ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
  if (p.freezeRows > 0) ws.freezePanes.freezeRows(p.freezeRows);
  for (const v of p.validations) {
    const dv = ws.getRange(v.ref).dataValidation;
    dv.rule = validationRule(v);
    dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error };
    dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
  }
  for (const cf of p.conditionalFormats)
    for (const rule of cf.rules) {
      const f = ws.getRange(cf.ref).conditionalFormats.add("Custom");
      f.custom.rule.formula = `=${rule.formula}`;
      f.custom.format.fill.color = rule.fill;
      f.custom.format.font.color = rule.font;
    }
  for (const d of p.dataBars) {
    const f = ws.getRange(d.ref).conditionalFormats.add("DataBar");
    f.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
    f.dataBar.upperBoundRule = { type: "Number", formula: "1" };
    f.dataBar.positiveFormat.fillColor = d.color;
  }
}

/** Print setup and the chart: useful, not essential, so they go in a batch of their own. */
function writeExtras(ws: Excel.Worksheet, p: SheetPlan, pageLayout: boolean): void {
  for (const c of p.charts) {
    const chart = ws.charts.add("BarStacked", ws.getRange(c.sourceRef), "Columns");
    chart.title.text = c.title;
    chart.setPosition(`A${p.rowCount + 3}`, `I${p.rowCount + 22}`);
  }
  if (pageLayout) {
    ws.pageLayout.orientation = p.print.landscape ? "Landscape" : "Portrait";
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintArea(p.print.area);
    if (p.print.repeatRows) ws.pageLayout.setPrintTitleRows(`$${p.print.repeatRows[0]}:$${p.print.repeatRows[1]}`);
  }
}

export interface WriteOptions {
  /** Names of sheets that exist now (from readWorkbook). */
  sheetNames: string[];
  /** Whether the named tolerance cell exists now. */
  hasToleranceName: boolean;
  pageLayout: boolean;
}

/**
 * Writes the plan: everything that matters in one sync, then print setup and the chart in a
 * second, best-effort one. Existing tracking and summary sheets are kept, renamed "(cũ)",
 * never deleted: figures that did not carry over are still there.
 */
export async function writeWorkbook(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  opts: WriteOptions,
): Promise<{ kept: string[]; extrasError: string | null }> {
  const sheets = context.workbook.worksheets;
  const taken = [...opts.sheetNames];
  const kept: string[] = [];
  for (const name of [TRACKING_SHEET, SUMMARY_SHEET]) {
    const existing = taken.find((t) => sameSheetName(t, name));
    if (existing === undefined) continue;
    const backup = backupName(name, taken);
    taken.push(backup);
    kept.push(backup);
    sheets.getItem(existing).name = backup;
  }
  if (opts.hasToleranceName) context.workbook.names.getItem(TOLERANCE_NAME).delete();
  const added = plan.sheets.map((p) => {
    const ws = sheets.add(p.name);
    writeSheet(ws, p);
    return ws;
  });
  for (const n of plan.names) context.workbook.names.add(n.name, sheets.getItem(n.sheet).getRange(n.ref));
  added[0]?.activate();
  await context.sync();
  // A platform that refuses a print or chart setting still gets the whole sheet.
  let extrasError: string | null = null;
  try {
    plan.sheets.forEach((p, i) => writeExtras(added[i]!, p, opts.pageLayout));
    await context.sync();
  } catch (e) {
    extrasError = e instanceof Error ? e.message : String(e);
  }
  return { kept, extrasError };
}
