import ExcelJS from "exceljs";
import JSZip from "jszip";
import { KEY_PREFIX, TOLERANCE_NAME, TRACKING_SHEET, splitReference } from "./layout";
import { readTrackingValues, type ExistingSheet } from "./sheet-read";

type Cached = Map<string, unknown>;

/** A cell as Office.js would report it: formulas by their last result, errors as "#N/A", dates kept as dates. */
function cellValue(v: ExcelJS.CellValue, cached?: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date || typeof v !== "object") return v;
  if ("error" in v) return v.error;
  if ("formula" in v || "sharedFormula" in v) {
    // exceljs leaves out a falsy cached result (0, FALSE, ""): the sheet's own XML still has it.
    const result = "result" in v && v.result !== undefined ? v.result : cached;
    return result === undefined ? "" : cellValue(result as ExcelJS.CellValue);
  }
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("text" in v) return String(v.text);
  return String(v);
}

/** The formula of a formula cell (a shared one's clones name their master), else "". */
function formulaOf(v: ExcelJS.CellValue): string {
  if (v === null || typeof v !== "object" || v instanceof Date) return "";
  if ("formula" in v && typeof v.formula === "string") return `=${v.formula}`;
  if ("sharedFormula" in v && typeof v.sharedFormula === "string") return `=${v.sharedFormula}`;
  return "";
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, e: string) =>
    e.startsWith("#x") || e.startsWith("#X")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? m),
  );

/**
 * The cached results of a sheet's formula cells, read from its XML as Excel and LibreOffice save
 * them: t="b" a logical, t="e" an error, t="str" text (also ""), else a number.
 */
export function cachedResults(xml: string): Cached {
  const out: Cached = new Map();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/gu)) {
    const body = m[2] ?? "";
    if (!/<f[\s>/]/u.test(body)) continue;
    const ref = /\br="([A-Z]+\d+)"/u.exec(m[1]!)?.[1];
    if (!ref) continue;
    const type = /\bt="(\w+)"/u.exec(m[1]!)?.[1] ?? "n";
    const raw = /<v>([\s\S]*?)<\/v>/u.exec(body)?.[1] ?? (/<v\s*\/>/u.test(body) ? "" : undefined);
    if (raw === undefined) continue;
    const text = unescapeXml(raw);
    out.set(
      ref,
      type === "b"
        ? text.trim() === "1"
        : type === "e"
          ? text
          : type === "str" || type === "s"
            ? text
            : text.trim() === ""
              ? ""
              : Number(text),
    );
  }
  return out;
}

/** Each worksheet's XML path in the package, by sheet name (workbook.xml and its relationships). */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/gu)) {
    const id = /\bId="([^"]+)"/u.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/u.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/gu)) {
    const name = /\bname="([^"]*)"/u.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/u.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) out.set(unescapeXml(name), path);
  }
  return out;
}

function grid(
  ws: ExcelJS.Worksheet,
  cached: Cached,
): { values: unknown[][]; formats: string[][]; formulas: string[][] } {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const formulas: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const cell = (c: number) => row.getCell(c + 1);
    values.push(Array.from({ length: cols }, (_, c) => cellValue(cell(c).value, cached.get(cell(c).address))));
    formats.push(Array.from({ length: cols }, (_, c) => cell(c).numFmt ?? "General"));
    formulas.push(Array.from({ length: cols }, (_, c) => formulaOf(cell(c).value)));
  }
  return { values, formats, formulas };
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
  const zip = await JSZip.loadAsync(bytes);
  const paths = await sheetPaths(zip);
  for (const ws of candidates) {
    const path = paths.get(ws.name);
    const xml = path ? await zip.file(path)?.async("string") : undefined;
    const { values, formats, formulas } = grid(ws, xml ? cachedResults(xml) : new Map());
    const sheet = readTrackingValues(ws.name, values, 1, formats, formulas);
    if (!sheet) continue;
    const tol = named && named.sheet === ws.name ? cellValue(ws.getCell(named.cell).value) : undefined;
    sheet.tolerance = named ? (tol ?? null) : undefined;
    return sheet;
  }
  return null;
}
