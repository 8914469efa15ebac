import { judgeCell } from "../../src/core/judge";
import { allIndicators, type Resolution } from "../../src/core/model";
import { colIndex } from "../../src/workbook/layout";
import type { FakeBook } from "../../support/fake-excel";

/**
 * What the tracking sheet's formula cells show, for the fake (which does not calculate): the
 * core's judgement, which the LibreOffice engine test proves equal to the native formulas.
 */
export function sheetCalculator(book: FakeBook, resolution: Resolution) {
  const byId = new Map(allIndicators(resolution).map((i) => [i.id, i]));
  return (sheet: string, row: number, col: number): unknown => {
    const id = book.get(sheet, row, colIndex("id"))?.value;
    const ind = typeof id === "string" ? byId.get(id) : undefined;
    if (!ind) return "";
    const j = judgeCell(ind, book.get(sheet, row, colIndex("actual"))?.value ?? null);
    if (col === colIndex("status")) return j.status;
    if (col === colIndex("ratio")) return j.ratio ?? "";
    if (col === colIndex("check")) return j.error ?? "";
    return "";
  };
}
