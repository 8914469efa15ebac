import ExcelJS from "exceljs";
import { KEY_PREFIX, TOLERANCE_NAME, TRACKING_SHEET, splitReference } from "./layout";
import { readTrackingValues, type ExistingSheet } from "./sheet-read";

/** A cell as Office.js would report it: formulas by their last result, errors as "#N/A", dates kept as dates. */
function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date || typeof v !== "object") return v;
  if ("error" in v) return v.error;
  if ("result" in v) return v.result === undefined ? "" : cellValue(v.result as ExcelJS.CellValue);
  if ("formula" in v || "sharedFormula" in v) return "";
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("text" in v) return String(v.text);
  return String(v);
}

function grid(ws: ExcelJS.Worksheet): { values: unknown[][]; formats: string[][] } {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: unknown[][] = [];
  const formats: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    values.push(Array.from({ length: cols }, (_, c) => cellValue(row.getCell(c + 1).value)));
    formats.push(Array.from({ length: cols }, (_, c) => row.getCell(c + 1).numFmt ?? "General"));
  }
  return { values, formats };
}

/**
 * Reads the tracking sheet of an .xlsx (for `chitieu workbook --from`), as the add-in reads it in
 * Excel: the sheet the tolerance name points at, else one with the hidden key row, else "Theo dõi".
 */
export async function readTrackingXlsx(bytes: Uint8Array): Promise<ExistingSheet | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const named = (wb.definedNames as unknown as { getRanges(n: string): { ranges: string[] } })
    .getRanges(TOLERANCE_NAME)
    ?.ranges.map(splitReference)
    .find((r) => r !== null);
  const hasKeys = (ws: ExcelJS.Worksheet) => {
    let found = false;
    ws.eachRow((row) => {
      if (!found && (row.values as unknown[]).includes(`${KEY_PREFIX}id`)) found = true;
    });
    return found;
  };
  const candidates = [
    named ? wb.getWorksheet(named.sheet) : undefined,
    ...wb.worksheets.filter(hasKeys),
    wb.getWorksheet(TRACKING_SHEET),
  ].filter((ws): ws is ExcelJS.Worksheet => ws !== undefined);
  for (const ws of candidates) {
    const { values, formats } = grid(ws);
    const sheet = readTrackingValues(ws.name, values, 1, formats);
    if (!sheet) continue;
    const tol = named && named.sheet === ws.name ? cellValue(ws.getCell(named.cell).value) : undefined;
    sheet.tolerance = named ? (tol ?? null) : undefined;
    return sheet;
  }
  return null;
}
