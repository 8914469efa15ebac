import { checkCell } from "../../src/core/judge";
import { allIndicators, type Resolution } from "../../src/core/model";
import { finalStatus, judgePeriodCell, type Override, type Period } from "../../src/core/periods";
import { DEFAULT_LAYOUT, periodKey, type Layout } from "../../src/workbook/layout";
import type { FakeBook } from "../../support/fake-excel";

/**
 * What the tracking sheet's formula cells show, for the fake (which does not calculate): the
 * core's judgement, which the LibreOffice engine tests prove equal to the native formulas.
 */
export function sheetCalculator(book: FakeBook, resolution: Resolution, layout: Layout = DEFAULT_LAYOUT) {
  const byId = new Map(allIndicators(resolution).map((i) => [i.id, i]));
  const at = (key: Parameters<typeof periodKey>[0] | "final" | "override" | "reason", p: Period = "nam") =>
    layout.index.get(key === "final" || key === "override" || key === "reason" ? key : periodKey(key, p));
  const roles = new Map<number, { what: "status" | "ratio" | "check"; period: Period } | { what: "final" }>();
  for (const p of layout.periods)
    for (const what of ["status", "ratio", "check"] as const) roles.set(at(what, p)!, { what, period: p });
  if (layout.index.has("final")) roles.set(at("final")!, { what: "final" });
  return (sheet: string, row: number, col: number): unknown => {
    const id = book.get(sheet, row, layout.index.get("id")!)?.value;
    const ind = typeof id === "string" ? byId.get(id) : undefined;
    const role = roles.get(col);
    if (!ind || !role) return "";
    const judged = (p: Period) => {
      const value = book.get(sheet, row, at("actual", p)!)?.value ?? null;
      const format = book.get(sheet, row, at("actual", p)!)?.numberFormat;
      const check = checkCell(ind, value, format);
      return { ...judgePeriodCell(ind, value, p, undefined, format), error: check.ok ? "" : check.reason };
    };
    if (role.what === "final") {
      const status = String(book.get(sheet, row, at("override")!)?.value ?? "").trim();
      const reason = String(book.get(sheet, row, at("reason")!)?.value ?? "");
      return finalStatus(judged("nam").status, status ? ({ status, reason } as Override) : undefined);
    }
    const j = judged(role.period);
    return role.what === "status" ? j.status : role.what === "ratio" ? (j.ratio ?? "") : j.error;
  };
}
