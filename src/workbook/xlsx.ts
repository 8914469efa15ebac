import ExcelJS from "exceljs";
import { eachCellOf } from "./layout";
import {
  FONT,
  type CellStyle,
  type PageBand,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookPlan,
} from "./sheet-plan";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function applyStyle(cell: ExcelJS.Cell, st: CellStyle): void {
  const font: Partial<ExcelJS.Font> = { ...cell.font };
  if (st.bold !== undefined) font.bold = st.bold;
  if (st.italic !== undefined) font.italic = st.italic;
  if (st.size !== undefined) font.size = st.size;
  if (st.color !== undefined) font.color = { argb: argb(st.color) };
  cell.font = font;
  if (st.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(st.fill) } };
  if (st.hAlign || st.vAlign || st.wrap !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { ...cell.alignment };
    if (st.hAlign) al.horizontal = st.hAlign;
    if (st.vAlign) al.vertical = st.vAlign === "center" ? "middle" : st.vAlign;
    if (st.wrap !== undefined) al.wrapText = st.wrap;
    cell.alignment = al;
  }
  if (st.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8EA9DB" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (st.numFmt) cell.numFmt = st.numFmt;
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

function writeSheet(wb: ExcelJS.Workbook, p: SheetPlan): void {
  const ws = wb.addWorksheet(p.name, {
    views: [{ state: "frozen", ySplit: p.freezeRows, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: p.print.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // exceljs prefixes "$" to each corner: "A$1:I$57" becomes the absolute "$A$1:$I$57".
      printArea: p.print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
      printTitlesRow: p.print.repeatRows ? `${p.print.repeatRows[0]}:${p.print.repeatRows[1]}` : undefined,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: bandCode(p.print.header), oddFooter: bandCode(p.print.footer) },
  });
  p.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const h of p.rowHeights) ws.getRow(h.row).height = h.height;
  for (const r of p.hiddenRows) ws.getRow(r).hidden = true;
  for (let r = 1; r <= p.rowCount; r++)
    for (let c = 1; c <= p.colCount; c++) ws.getCell(r, c).font = { name: FONT, size: 12 };
  for (const cell of p.cells) {
    const target = ws.getCell(cell.row, cell.col);
    if (cell.formula !== undefined) target.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    else if (cell.value !== undefined && cell.value !== null) target.value = cell.value;
  }
  for (const s of p.styles) eachCellOf(s.ref, (r, c) => applyStyle(ws.getCell(r, c), s.style));
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
        formulae: [r.formula],
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
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet}'!${n.ref}`, n.name);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
