import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { checkSheet, progressOf, metShare } from "../../src/workbook/check";
import { TRACKING_SHEET, col, colIndex, sheetLayout } from "../../src/workbook/layout";
import { buildWorkbookPlan, type PlanOptions } from "../../src/workbook/plan";
import { readTrackingValues, type ExistingSheet } from "../../src/workbook/sheet-read";
import { readBack } from "../../src/workbook/tracking-row";
import { mergeContent } from "../../src/core/content";
import { cellContent } from "../../support/synthetic";

/**
 * The built-in resolution's tracking sheet as values, with figures (Excel form) by Mã, then extra
 * rows [Mã, figure] appended below as staff might add them.
 */
function sheet(
  figures: Record<string, unknown>,
  extra: [string, unknown][] = [],
  tolerance?: unknown,
  opts: PlanOptions = { periods: ["nam"] },
): ExistingSheet {
  const content = mergeContent(cellContent(figures), opts.content);
  const plan = buildWorkbookPlan(BUILTIN_RESOLUTION, { ...opts, content }).sheets[0]!;
  const grid: unknown[][] = Array.from({ length: plan.rowCount }, () => Array(plan.colCount).fill(""));
  for (const c of plan.cells) grid[c.row - 1]![c.col - 1] = c.formula !== undefined ? "" : (c.value ?? "");
  for (const [id, a] of extra) {
    const row = Array(plan.colCount).fill("");
    row[colIndex("id", layout) - 1] = id;
    row[colIndex("actual", layout) - 1] = a;
    grid.push(row);
  }
  const s = readTrackingValues(TRACKING_SHEET, grid)!;
  s.tolerance = tolerance;
  return s;
}
const layout = sheetLayout(["nam"]);
const rowOf = new Map(buildWorkbookPlan(BUILTIN_RESOLUTION).rows.map((r) => [r.id, r.row]));
const F = (id: string) => `${col("actual", layout)}${rowOf.get(id)}`;
const back = (s: ExistingSheet) => readBack(s, BUILTIN_RESOLUTION);

describe("checking a sheet without the task pane", () => {
  test("wrong figures, repeated and unknown Mã, missing rows and cross-checks, each with its cell", () => {
    const s = sheet({ "III.2": 1.5, "I.2.a": "bốn", "II.2.a": 0.9, "II.2.b": 0.1, "II.2.c": 0.05 }, [
      ["IX.9", 1],
      ["III.2", 0.99],
    ]);
    const last = s.rows[s.rows.length - 1]!.row;
    const problems = checkSheet(back(s));
    const at = (id: string) => problems.filter((p) => p.id === id).map((p) => [p.cell, p.severity, p.message]);
    expect(at("III.2")).toEqual([
      [F("III.2"), "error", `Chỉ tiêu III.2 (ô ${F("III.2")}): không được lớn hơn 100%, đang là 150%.`],
      [`${col("actual", layout)}${last}`, "error", `Mã III.2 bị lặp (dòng ${rowOf.get("III.2")} và ${last}).`],
    ]);
    expect(at("I.2.a")).toEqual([
      [F("I.2.a"), "error", `Chỉ tiêu I.2.a (ô ${F("I.2.a")}): cần một con số, đang là chữ "bốn".`],
    ]);
    // The added row has no target cells (read-back error) and a Mã the resolution lacks (warning).
    expect(at("IX.9").map((p) => p[1])).toEqual(["error", "warning"]);
    expect(at("II.2.a, II.2.b, II.2.c")).toEqual([[F("II.2.a"), "warning", expect.stringMatching(/vượt quá 100%/u)]]);
    expect(problems.filter((p) => /Không thấy dòng có Mã/u.test(p.message))).toEqual([]);
  });

  test("progress counts the status the sheet shows, else judges with the sheet's own tolerance", () => {
    // III.1 "không quá 0,6%": 0,65% is within 10% but not within 5%.
    const shown = sheet({ "III.1": 0.0065 }, [], 0.1);
    shown.rows.find((r) => r.id === "III.1")!.cells.final = "Đạt";
    expect(progressOf(back(shown)).total["Đạt"]).toBe(1);
    expect(progressOf(back(sheet({ "III.1": 0.0065 }, [], 0.1))).total["Cơ bản đạt"]).toBe(1);
    expect(progressOf(back(sheet({ "III.1": 0.0065 }, [], 0.05))).total["Không đạt"]).toBe(1);
    const p = progressOf(back(sheet({ "III.1": 0.0065 }, [], 0.1)));
    expect(p.sections.map((x) => x.n)).toEqual(BUILTIN_RESOLUTION.sections.map((x) => x.indicators.length));
    expect(p.total["Chưa có số liệu"]).toBe(44);
  });
});

describe("a sheet with review periods", () => {
  const periods = { periods: ["6t", "nam"] as const };
  const six = sheetLayout(periods.periods);

  test("each period's figure is checked in its own column, named by its period", () => {
    const s = sheet({}, [], undefined, { ...periods, content: { rows: { "III.2": { figures: { "6t": 1.5 } } } } });
    const problems = checkSheet(back(s)).filter((p) => p.id === "III.2");
    const cell = `${col("actual6t", six)}${rowOf.get("III.2")}`;
    expect(problems.map((p) => [p.cell, p.message])).toEqual([
      [cell, `Chỉ tiêu III.2 6 tháng (ô ${cell}): không được lớn hơn 100%, đang là 150%.`],
    ]);
  });

  test("staff's own assessment: a word that is not a status is an error, one without a reason a warning", () => {
    const s = sheet({ "III.1": 0.0065 }, [], undefined, {
      ...periods,
      content: {
        rows: {
          "III.1": { figures: {}, override: { status: "Đạt", reason: "" } },
          "III.2": { figures: {}, override: { status: "Tốt", reason: "x" } },
        },
      },
    });
    const problems = checkSheet(back(s));
    expect(problems.find((p) => p.id === "III.1")).toMatchObject({
      severity: "warning",
      cell: `${col("reason", six)}${rowOf.get("III.1")}`,
      message: "Chỉ tiêu III.1: đánh giá lại “Đạt” chưa ghi lý do (Lý do).",
    });
    expect(problems.find((p) => p.id === "III.2")).toMatchObject({ severity: "error" });
    // The year's progress counts staff's word; the rule alone says "Không đạt".
    expect(progressOf(back(s), "nam").total["Đạt"]).toBe(1);
    expect(progressOf(back(sheet({ "III.1": 0.0065 }, [], undefined, periods)), "nam").total["Không đạt"]).toBe(1);
  });

  test("at six months a cumulative figure is judged against half the year's target", () => {
    // II.3.a: thu ngân sách 27.625 triệu đồng; 15.000 by mid-year is on track.
    const s = sheet({}, [], undefined, { ...periods, content: { rows: { "II.3.a": { figures: { "6t": 15000 } } } } });
    expect(progressOf(back(s), "6t").total["Vượt"]).toBe(1);
    expect(progressOf(back(s), "nam").total["Chưa có số liệu"]).toBe(45);
  });
});

describe("metShare: the summary sheet's 'Tỷ lệ đạt'", () => {
  const counts = (v: number, d: number, cb: number, k: number, none: number) => ({
    Vượt: v,
    Đạt: d,
    "Cơ bản đạt": cb,
    "Không đạt": k,
    "Chưa có số liệu": none,
  });
  test("(Vượt + Đạt) ÷ all indicators; blank (null) until one has a figure", () => {
    expect(metShare(counts(0, 0, 0, 0, 5), 5)).toBeNull();
    expect(metShare(counts(1, 2, 1, 1, 5), 10)).toBeCloseTo(0.3);
    expect(metShare(counts(0, 0, 0, 1, 3), 4)).toBe(0);
    expect(metShare(counts(0, 0, 0, 0, 0), 0)).toBeNull();
  });
});
