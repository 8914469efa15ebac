import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import type { Period } from "../../src/core/periods";
import { carryOver, yearProblem } from "../../src/workbook/carry";
import { KEY_PREFIX, KEY_ROW, sheetLayout } from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { checkSheet } from "../../src/workbook/check";
import { headerKey, readTrackingValues } from "../../src/workbook/sheet-read";
import { readBack, sheetYear } from "../../src/workbook/tracking-row";
import { writtenFile } from "../../support/synthetic";

/** The Cùng kỳ and So với cùng kỳ columns (interfaces.md), read back, carried within a year, and the year in the mark. */

/** A plan's tracking sheet as the values a reader gets (formulas blank), optionally without the key row. */
function sheetValues(periods: Period[], keyRow = true) {
  const content = writtenFile(BUILTIN_RESOLUTION, {
    periods: { "6t": { "II.3.a": 15000 }, nam: { "II.3.a": 30387.5 } },
    previous: { "6t": { "II.3.a": 14200, "III.1": 0.6 }, nam: { "II.3.a": 29000 } },
  });
  const sheet = buildWorkbookPlan(BUILTIN_RESOLUTION, { periods, content }).sheets[0]!;
  const grid: unknown[][] = Array.from({ length: sheet.rowCount }, () => Array(sheet.colCount).fill(""));
  for (const c of sheet.cells) grid[c.row - 1]![c.col - 1] = c.formula !== undefined ? "" : (c.value ?? "");
  if (!keyRow) grid[KEY_ROW - 1] = grid[KEY_ROW - 1]!.map(() => "");
  return readTrackingValues("Theo dõi", grid)!;
}

describe("the Cùng kỳ columns", () => {
  test("headers exactly as interfaces.md names them, read back by header text too", () => {
    const headers = (ps: Period[]) => sheetLayout(ps).columns.map((c) => c.header);
    expect(headers(["6t", "nam"])).toEqual(
      expect.arrayContaining(["Cùng kỳ 6 tháng", "So với cùng kỳ 6 tháng", "Cùng kỳ cả năm", "So với cùng kỳ cả năm"]),
    );
    expect(headers(["nam"])).toEqual(expect.arrayContaining(["Cùng kỳ năm trước", "So với cùng kỳ"]));
    expect(headers(["nam"]).some((h) => /Cùng kỳ cả năm/u.test(h))).toBe(false);
    for (const ps of [["nam"], ["6t", "nam"], ["3t", "6t", "9t", "nam"]] as Period[][])
      for (const c of sheetLayout(ps).columns.filter((x) => /^(?:previous|change)/u.test(x.key)))
        expect(headerKey(c.header)).toBe(c.key);
  });

  test("typed figures come back as content.previous, with or without the key row; the year from the mark", () => {
    for (const keyRow of [true, false]) {
      const sheet = sheetValues(["6t", "nam"], keyRow);
      const back = readBack(sheet, BUILTIN_RESOLUTION);
      expect(back.content.rows["II.3.a"]!.previous).toEqual({ "6t": 14200, nam: 29000 });
      expect(back.content.rows["III.1"]!.previous).toEqual({ "6t": 0.006 });
      expect(back.content.rows["II.3.a"]!.figures).toEqual({ "6t": 15000, nam: 30387.5 });
      expect(back.content.year).toBe(2022);
      expect(sheetYear(sheet)).toBe(2022);
    }
    expect(sheetValues(["nam"]).columns.previous).toBeDefined();
  });

  test("carried within the same year (--from, re-insert) the Cùng kỳ figures stay Cùng kỳ", () => {
    const carry = carryOver(BUILTIN_RESOLUTION, sheetValues(["6t", "nam"]));
    expect(carry.content.rows["II.3.a"]!.previous).toEqual({ "6t": 14200, nam: 29000 });
    expect(carry.content.rows["II.3.a"]!.figures).toEqual({ "6t": 15000, nam: 30387.5 });
    // A row with only last year's figure is carried too.
    expect(carry.content.rows["III.1"]!.previous).toEqual({ "6t": 0.006 });
    expect(carry.counts["số liệu cùng kỳ 6 tháng"]).toBe(2);
  });

  test("the check names a Cùng kỳ cell the sheet cannot compare with", () => {
    const sheet = sheetValues(["6t", "nam"]);
    const row = (id: string) => sheet.rows.find((r) => r.id === id)!;
    row("II.3.a").cells.previous6t = "nhiều";
    row("II.3.b").cells.previous = "4.500";
    row("III.1").cells.previous6t = -1;
    const found = checkSheet(readBack(sheet, BUILTIN_RESOLUTION)).filter((p) => /cùng kỳ/u.test(p.message));
    const letter = (key: "previous6t" | "previous") => sheet.columns[key]!;
    expect(found).toEqual([
      expect.objectContaining({
        id: "II.3.a",
        severity: "warning",
        cell: `${letter("previous6t")}${row("II.3.a").row}`,
      }),
      expect.objectContaining({ id: "II.3.b", severity: "warning", cell: `${letter("previous")}${row("II.3.b").row}` }),
      expect.objectContaining({ id: "III.1", severity: "warning" }),
    ]);
    expect(found[0]!.message).toMatch(
      /Chỉ tiêu II\.3\.a, cùng kỳ 6 tháng \(ô [A-Z]+\d+\): .*; cột “So với cùng kỳ” để trống\./u,
    );
    expect(found[1]!.message).toMatch(/cần một con số/u);
  });

  test("which years may carry: the same year as this year's, an earlier one as Cùng kỳ, an unknown one asked", () => {
    expect(yearProblem("same-year", 2023, 2023)).toBeNull();
    expect(yearProblem("same-year", 2023, null)).toBeNull();
    expect(yearProblem("same-year", 2023, 2022)).toEqual({ kind: "other-year", oldYear: 2022, newYear: 2023 });
    expect(yearProblem("previous-year", 2023, 2022)).toBeNull();
    expect(yearProblem("previous-year", 2023, 2023)?.kind).toBe("not-earlier");
    expect(yearProblem("previous-year", 2023, 2024)?.kind).toBe("not-earlier");
    expect(yearProblem("previous-year", null, 2022)?.kind).toBe("unknown");
    expect(yearProblem("previous-year", 2023, null)?.kind).toBe("unknown");
  });

  test("the key row names the new columns", () => {
    const keys = sheetLayout(["6t", "nam"]).columns.map((c) => `${KEY_PREFIX}${c.key}`);
    expect(keys).toEqual(
      expect.arrayContaining(["chitieu:previous6t", "chitieu:change6t", "chitieu:previous", "chitieu:change"]),
    );
  });
});
