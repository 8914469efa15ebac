import ExcelJS from "exceljs";
import { XML_FORBIDDEN, fitCell } from "../core/text";
import { evaluatePlan, type Computed } from "./evaluate";
import { eachCellOf } from "./layout";
import { SHEET_COLORS } from "../core/palette";
import {
  FONT,
  fileFormula,
  type CellStyle,
  type PageBand,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookPlan,
} from "./sheet-plan";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** A plan style as exceljs takes it, on top of the sheet's font. */
function excelStyle(st: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: FONT,
      size: st.size ?? 12,
      ...(st.bold !== undefined ? { bold: st.bold } : {}),
      ...(st.italic !== undefined ? { italic: st.italic } : {}),
      ...(st.color !== undefined ? { color: { argb: argb(st.color) } } : {}),
    },
  };
  if (st.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(st.fill) } };
  if (st.hAlign || st.vAlign || st.wrap !== undefined)
    style.alignment = {
      ...(st.hAlign ? { horizontal: st.hAlign } : {}),
      ...(st.vAlign ? { vertical: st.vAlign === "center" ? "middle" : st.vAlign } : {}),
      ...(st.wrap !== undefined ? { wrapText: st.wrap } : {}),
    };
  if (st.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(SHEET_COLORS.border) } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (st.numFmt) style.numFmt = st.numFmt;
  return style;
}

function validation(v: ValidationPlan): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.errorTitle,
    error: v.error,
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
  } as const;
  const r = v.rule;
  if (r.type === "list") return { ...common, type: "list", formulae: [`"${r.values.join(",")}"`] };
  if (r.operator === "between") return { ...common, type: r.type, operator: "between", formulae: [r.min, r.max] };
  return { ...common, type: r.type, operator: "greaterThanOrEqual", formulae: [r.min] };
}

const bandCode = (b: PageBand) => `&L${b.left}&C${b.center}&R${b.right}`;

function writeSheet(wb: ExcelJS.Workbook, p: SheetPlan, results: Map<number, Computed> | undefined): void {
  const ws = wb.addWorksheet(p.name, {
    views: [{ state: "frozen", ySplit: p.freezeRows, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: p.print.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: p.print.pagesTall ?? 0,
      // exceljs prefixes "$" to each corner: "A$1:I$57" becomes the absolute "$A$1:$I$57".
      printArea: p.print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
      printTitlesRow: p.print.repeatRows ? `${p.print.repeatRows[0]}:${p.print.repeatRows[1]}` : undefined,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: bandCode(p.print.header), oddFooter: bandCode(p.print.footer) },
  });
  // The font is the columns' style: cells take it when created, empty cells show it, and none is written twice.
  p.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    column.font = { name: FONT, size: 12 };
    if (c.hidden) column.hidden = true;
    if (c.grouped) column.outlineLevel = 1;
  });
  // The sheet's outline depth: Excel and LibreOffice show the group's "+" button.
  if (p.columns.some((c) => c.grouped)) ws.properties.outlineLevelCol = 1;
  for (const h of p.rowHeights) ws.getRow(h.row).height = h.height;
  for (const r of p.hiddenRows) ws.getRow(r).hidden = true;
  // exceljs breaks below a row: the page starts at the next.
  for (const r of p.print.breaksBefore ?? []) ws.getRow(r - 1).addPageBreak();
  // A column's formulas that differ only by their own row are written once (an OOXML shared formula):
  // the status formulas of 2,000 rows would otherwise be megabytes of the same text. A run of one
  // key down a column shares one master; another key, or a cell of its own, starts a new run, so no
  // two shared ranges overlap (Excel expects them not to).
  const runs = new Map<number, { key: string | undefined; master: string }>();
  for (const cell of [...p.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const target = ws.getCell(cell.row, cell.col);
    if (cell.formula !== undefined) {
      const run = runs.get(cell.col);
      // The value Excel would show, so a file opened without calculating (Protected View, a phone) shows it too.
      const result = results?.get(cell.row * 16384 + cell.col);
      const cached = result === undefined ? {} : { result };
      // Excel's own formats never share a formula with an array constant or another sheet's cells
      // (MS-XLSB): such a formula is written in full in each cell.
      const shareable = cell.share !== undefined && !/[{!]/u.test(cell.formula);
      if (shareable && run !== undefined && run.key === cell.share)
        target.value = { sharedFormula: run.master, ...cached } as unknown as ExcelJS.CellSharedFormulaValue;
      else {
        target.value = { formula: fileFormula(cell.formula), ...cached } as ExcelJS.CellFormulaValue;
        if (shareable) runs.set(cell.col, { key: cell.share, master: target.address });
        else runs.delete(cell.col);
      }
    } else if (cell.value !== undefined && cell.value !== null) {
      // The readers already dropped what XML cannot hold and cut long texts; this keeps any other input safe.
      target.value = typeof cell.value === "string" ? fitCell(cell.value.replace(XML_FORBIDDEN, "")) : cell.value;
      runs.delete(cell.col);
    }
  }
  // Each cell's styles, in order (a later one wins), as the list of their indexes; then one shared
  // object per distinct list: exceljs recognises an object it has seen, which keeps big sheets fast.
  const applied = new Map<number, string>();
  const at = (r: number, c: number) => r * 16384 + c;
  for (const cell of p.cells) applied.set(at(cell.row, cell.col), "");
  p.styles.forEach((s, i) =>
    eachCellOf(s.ref, (r, c) => {
      const k = at(r, c);
      applied.set(k, `${applied.get(k) ?? ""},${i}`);
    }),
  );
  const interned = new Map<string, Partial<ExcelJS.Style>>();
  for (const [k, list] of applied) {
    let style = interned.get(list);
    if (!style) {
      const merged = Object.assign(
        {},
        ...list
          .split(",")
          .slice(1)
          .map((i) => p.styles[Number(i)]!.style),
      ) as CellStyle;
      interned.set(list, (style = excelStyle(merged)));
    }
    ws.getCell(Math.floor(k / 16384), k % 16384).style = style;
  }
  for (const m of p.merges) ws.mergeCells(m);
  // exceljs has worksheet.dataValidations (range keys included) but leaves it out of its typings.
  const dv = (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of p.validations) dv.add(v.ref, validation(v));
  let priority = 1;
  for (const cf of p.conditionalFormats)
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: cf.rules.map((r) => ({
        type: "expression",
        priority: priority++,
        formulae: [fileFormula(r.formula)],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(r.fill) } },
          font: { color: { argb: argb(r.font) }, ...(r.italic ? { italic: true } : {}) },
        },
      })),
    });
  for (const d of p.dataBars)
    ws.addConditionalFormatting({
      ref: d.ref,
      rules: [
        {
          type: "dataBar",
          priority: priority++,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: { argb: argb(d.color) },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
}

/** Writes a workbook plan as .xlsx bytes (exceljs). Charts are Excel-only and not written here. */
export async function writeXlsx(plan: WorkbookPlan): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ tiêu";
  // Cached results for every formula, and still a full calculation once Excel may calculate.
  wb.calcProperties.fullCalcOnLoad = true;
  const results = evaluatePlan(plan);
  for (const sheet of plan.sheets) writeSheet(wb, sheet, results.get(sheet.name));
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet}'!${n.ref}`, n.name);
  // Fast deflate (level 1): exceljs compresses in JavaScript, and the default level spends most of
  // a 2,000-row workbook's time there for a file only a little smaller.
  const buf = await wb.xlsx.writeBuffer({
    zip: { compression: "DEFLATE", compressionOptions: { level: 1 } },
  } as unknown as Partial<ExcelJS.XlsxWriteOptions>);
  return ignoreErrors(new Uint8Array(buf as ArrayBuffer), plan);
}

/** Where <ignoredErrors> goes in a worksheet: before the first of these (CT_Worksheet's order), else at the end. */
const AFTER_IGNORED =
  /<(?:smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]|<\/worksheet>/u;

/**
 * exceljs cannot write <ignoredErrors>: added to each sheet's XML, so Excel shows no green triangle
 * ("inconsistent formula") on formulas that differ from their neighbours on purpose.
 */
async function ignoreErrors(bytes: Uint8Array<ArrayBuffer>, plan: WorkbookPlan): Promise<Uint8Array<ArrayBuffer>> {
  const marked = plan.sheets.map((s, i) => ({ i, refs: s.inconsistentFormulas ?? [] })).filter((s) => s.refs.length);
  if (marked.length === 0) return bytes;
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  for (const { i, refs } of marked) {
    // exceljs names the sheets' parts in the order they were added.
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = await zip.file(part)!.async("string");
    const at = AFTER_IGNORED.exec(xml)!.index;
    const element = `<ignoredErrors><ignoredError sqref="${refs.join(" ")}" formula="1"/></ignoredErrors>`;
    zip.file(part, xml.slice(0, at) + element + xml.slice(at));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } }) as Promise<
    Uint8Array<ArrayBuffer>
  >;
}
