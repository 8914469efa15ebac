import fc from "fast-check";
import { readFileSync } from "fs";
import { parseResolution } from "../../src/core/parser";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { allIndicators, type Actuals, type Resolution } from "../../src/core/model";
import { formatTarget } from "../../src/core/target";
import { proposeCumulative } from "../../src/core/cumulative";
import { PERIODS } from "../../src/core/periods";
import { STATUSES } from "../../src/core/words";
import { carryOver } from "../../src/workbook/carry";
import { checkSheet } from "../../src/workbook/check";
import {
  ESTIMATE_ROW,
  KEY_ROW,
  TRACKING_SHEET,
  colIndex,
  sheetLayout,
  type ColumnKey,
} from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { readTrackingValues } from "../../src/workbook/sheet-read";
import { figureCell, readBack } from "../../src/workbook/tracking-row";
import {
  figuresOf,
  notesOf,
  overridesOf,
  syntheticFigures,
  syntheticResolution,
  writtenFile,
} from "../../support/synthetic";

/** The tracking sheet's values as Excel would hand them back (formula cells read as ""). */
function sheetValues(r: Resolution, actuals: Actuals, notes: Record<string, string>, tolerance: number) {
  const sheet = buildWorkbookPlan(r, { content: writtenFile(r, { actuals, notes, tolerance }) }).sheets[0]!;
  const grid: unknown[][] = Array.from({ length: sheet.rowCount }, () => Array(sheet.colCount).fill(""));
  for (const c of sheet.cells) grid[c.row - 1]![c.col - 1] = c.formula !== undefined ? "" : (c.value ?? "");
  const existing = readTrackingValues(TRACKING_SHEET, grid)!;
  existing.tolerance = tolerance;
  return existing;
}

/** What the sheet can hold of a resolution: no source lines or warnings; a phrase for every target. */
const stored = (r: Resolution): Resolution => ({
  ...r,
  warnings: [],
  sections: r.sections.map((s) => ({
    ...s,
    indicators: s.indicators.map(({ line: _line, ...i }) => ({
      ...i,
      targetText: i.targetText ?? formatTarget(i.target, i.unit),
    })),
  })),
});

const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s !== "");

describe("the tracking row codec: what is written is read back", () => {
  test("parts A and B restarting their numerals, an item with 30 targets: every id read back once", () => {
    const dir = `${__dirname}/../fixtures/resolutions`;
    for (const name of ["bo-cuc-phan-a-b.txt", "muc-30-chi-tieu.txt"]) {
      const r = parseResolution(readFileSync(`${dir}/${name}`, "utf8"));
      const ids = allIndicators(r).map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      const back = readBack(sheetValues(r, {}, {}, 0.05), BUILTIN_RESOLUTION);
      expect([name, back.problems]).toEqual([name, []]);
      expect(back.resolution).toEqual(stored(r));
    }
  });

  test("any resolution, figures, notes and tolerance round-trip exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 10_000 }),
        text,
        fc.oneof(fc.constant(""), text),
        fc.oneof(fc.constant(null), fc.integer({ min: 1900, max: 2200 })),
        fc.integer({ min: 0, max: 99 }).map((p) => p / 100),
        fc.dictionary(fc.integer({ min: 0, max: 59 }).map(String), text),
        (n, seed, title, organization, year, tolerance, noteAt) => {
          const r: Resolution = { ...syntheticResolution(n, seed), title, organization, year };
          const inds = allIndicators(r);
          const actuals = syntheticFigures(r, seed, tolerance);
          const notes = Object.fromEntries(
            Object.entries(noteAt)
              .filter(([k]) => Number(k) < inds.length)
              .map(([k, v]) => [inds[Number(k)]!.id, v]),
          );
          const back = readBack(sheetValues(r, actuals, notes, tolerance), BUILTIN_RESOLUTION);
          expect(back.problems).toEqual([]);
          expect(back.own).toBe(true);
          expect(back.resolution).toEqual(stored(r));
          expect(back.content.tolerance).toBe(tolerance);
          expect(notesOf(back.content)).toEqual(notes);
          const figures = Object.fromEntries(
            inds.filter((i) => actuals[i.id] !== undefined).map((i) => [i.id, figureCell(i, actuals[i.id])]),
          );
          expect(figuresOf(back.content, "nam")).toEqual(figures);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("every period's figures, staff's assessments, estimate flags and Cộng dồn round-trip exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.subarray([...PERIODS], { minLength: 1 }),
        fc.subarray([...PERIODS]),
        fc.dictionary(
          fc.integer({ min: 0, max: 39 }).map(String),
          fc.tuple(fc.constantFrom(...STATUSES), fc.oneof(fc.constant(""), text)),
        ),
        fc.array(fc.integer({ min: 0, max: 39 })),
        (n, seed, periods, flagged, overrideAt, flipAt) => {
          const base = syntheticResolution(n, seed);
          const flip = new Set(flipAt);
          let k = 0;
          const r: Resolution = {
            ...base,
            sections: base.sections.map((s) => ({
              ...s,
              indicators: s.indicators.map((i) => (flip.has(k++) ? { ...i, cumulative: !proposeCumulative(i) } : i)),
            })),
          };
          const inds = allIndicators(r);
          const file = {
            periods: Object.fromEntries(PERIODS.map((p, j) => [p, syntheticFigures(r, seed + j, 0.05)])),
            estimates: PERIODS.filter((p) => flagged.includes(p)),
            overrides: Object.fromEntries(
              Object.entries(overrideAt)
                .filter(([x]) => Number(x) < inds.length)
                .map(([x, [status, reason]]) => [inds[Number(x)]!.id, { status, reason }]),
            ),
          };
          const sheet = buildWorkbookPlan(r, { content: writtenFile(r, file), periods }).sheets[0]!;
          const grid: unknown[][] = Array.from({ length: sheet.rowCount }, () => Array(sheet.colCount).fill(""));
          for (const c of sheet.cells) grid[c.row - 1]![c.col - 1] = c.formula !== undefined ? "" : (c.value ?? "");
          const back = readBack(readTrackingValues(TRACKING_SHEET, grid)!, BUILTIN_RESOLUTION);
          expect(back.problems).toEqual([]);
          expect(back.resolution).toEqual(stored(r));
          expect(back.sheet.periods).toEqual(PERIODS.filter((p) => periods.includes(p)));
          expect(back.content.estimates).toEqual(file.estimates.filter((p) => periods.includes(p)));
          for (const p of back.sheet.periods) {
            const want = Object.fromEntries(
              inds
                .filter((i) => file.periods[p]![i.id] !== undefined)
                .map((i) => [i.id, figureCell(i, file.periods[p]![i.id])]),
            );
            const got = figuresOf(back.content, p);
            expect([p, got]).toEqual([
              p,
              Object.fromEntries(Object.entries(want).filter(([, v]) => v !== null && v !== "")),
            ]);
          }
          expect(overridesOf(back.content)).toEqual(periods.includes("nam") ? file.overrides : {});
        },
      ),
      { numRuns: 40 },
    );
  });

  test("a sheet made before review periods (one “Thực hiện” column) is read, its figures the year's", () => {
    const layout = sheetLayout(["nam"]);
    const plan = buildWorkbookPlan(BUILTIN_RESOLUTION, {
      periods: ["nam"],
      content: writtenFile(BUILTIN_RESOLUTION, { actuals: { "II.3.a": 30387.5, "III.1": 0.55 } }),
    });
    const sheet = plan.sheets[0]!;
    // The columns and the estimate row that sheets of that time did not have.
    const added = new Set(
      ["previous", "change", "override", "reason", "final", "reasonCheck", "cumulative", "cumulativeOn"].map(
        (k) => colIndex(k as ColumnKey, layout) - 1,
      ),
    );
    const grid: unknown[][] = Array.from({ length: sheet.rowCount }, () => Array(sheet.colCount).fill(""));
    for (const c of sheet.cells) grid[c.row - 1]![c.col - 1] = c.formula !== undefined ? "" : (c.value ?? "");
    const old = grid
      .filter((_, i) => i !== ESTIMATE_ROW - 1)
      .map((row) => row.filter((_, j) => !added.has(j) && j < layout.columns.length));
    expect(old[KEY_ROW - 2]).toEqual(
      [
        "id",
        "no",
        "text",
        "unit",
        "targetText",
        "actual",
        "ratio",
        "status",
        "note",
        "check",
        "op",
        "value",
        "max",
      ].map((k) => `chitieu:${k}`),
    );
    const existing = readTrackingValues(TRACKING_SHEET, old)!;
    expect(existing.periods).toEqual(["nam"]);
    const back = readBack(existing, { ...BUILTIN_RESOLUTION, title: "khác" });
    expect(back.problems).toEqual([]);
    expect(back.resolution).toEqual(stored(BUILTIN_RESOLUTION));
    expect(back.content.rows["II.3.a"]!.figures.nam).toBe(30387.5);
    expect(back.content.rows["III.1"]!.figures.nam).toBeCloseTo(0.0055, 12);
    // …checked: its figures are the year's, a wrong one named with its cell…
    expect(checkSheet(back)).toEqual([]);
    const wrong = old.map((r) => [...r]);
    const at = wrong.findIndex((r) => r[0] === "III.2");
    wrong[at]![5] = 1.5;
    expect(checkSheet(readBack(readTrackingValues(TRACKING_SHEET, wrong)!, BUILTIN_RESOLUTION))).toEqual([
      expect.objectContaining({ id: "III.2", cell: `F${at + 1}`, severity: "error" }),
    ]);
    // Carried into today's default sheet, the figures land in the year's column.
    const carry = carryOver(BUILTIN_RESOLUTION, existing);
    const next = buildWorkbookPlan(BUILTIN_RESOLUTION, carry);
    const row = next.rows.find((x) => x.id === "II.3.a")!.row;
    const cell = (key: ColumnKey) => next.sheets[0]!.cells.find((c) => c.row === row && c.col === colIndex(key))?.value;
    expect([cell("actual6t"), cell("actual")]).toEqual([undefined, 30387.5]);
  });

  test("the built-in resolution reads back as itself", () => {
    const back = readBack(sheetValues(BUILTIN_RESOLUTION, {}, {}, 0.05), { ...BUILTIN_RESOLUTION, title: "khác" });
    expect(back.resolution).toEqual(stored(BUILTIN_RESOLUTION));
  });

  test("an invalid tolerance in the sheet is reported and the default used", () => {
    const sheet = sheetValues(BUILTIN_RESOLUTION, {}, {}, 0.05);
    sheet.tolerance = 1.5;
    const back = readBack(sheet, BUILTIN_RESOLUTION);
    expect(back.content.tolerance).toBe(0.05);
    expect(back.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Ô dung sai của sổ: .*đang là 1,5 \(tức 150%\)\. Đang dùng 5%\.$/u),
    ]);
  });

  test("a sheet made before the heading labels still gives its organisation and year", () => {
    const sheet = sheetValues(BUILTIN_RESOLUTION, {}, {}, 0.05);
    sheet.meta = {};
    const back = readBack(sheet, BUILTIN_RESOLUTION);
    expect([back.resolution.organization, back.resolution.year]).toEqual(["Đảng bộ phường Trần Phú", 2022]);
  });
});
