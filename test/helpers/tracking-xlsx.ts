import type ExcelJS from "exceljs";
import { KEY_PREFIX } from "../../src/workbook/layout";

/**
 * Where a tracking sheet read with exceljs keeps each column (by its hidden key, as the add-in
 * finds them) and each indicator's row (by Mã), so a test can type into it as staff would.
 */
export function trackingAddresses(ws: ExcelJS.Worksheet): { colOf: Map<string, number>; rowOf: Map<string, number> } {
  let keyRow = 0;
  ws.eachRow((row, n) => {
    if (row.values && (row.values as unknown[]).includes(`${KEY_PREFIX}id`)) keyRow = n;
  });
  const colOf = new Map<string, number>();
  ws.getRow(keyRow).eachCell((c, n) => colOf.set(String(c.value).slice(KEY_PREFIX.length), n));
  const rowOf = new Map<string, number>();
  ws.getColumn(colOf.get("id")!).eachCell((c, n) => {
    if (n > keyRow) rowOf.set(String(c.value), n);
  });
  return { colOf, rowOf };
}
