import { writeFileSync } from "fs";
import * as path from "path";
import { allIndicators, type Actuals } from "../../src/core/model";
import { measureOf } from "../../src/core/measure";
import type { Period } from "../../src/core/periods";
import { previousWords } from "../../src/core/previous";
import { evaluatePeriod, reviewText } from "../../src/core/report";
import { PERIOD_INFO } from "../../src/core/words";
import { PREVIOUS_HEADERS } from "../../src/workbook/summary-sheet";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { writeXlsx } from "../../src/workbook/xlsx";
import { describeWithTools, recalcToCsv, tempDir } from "../helpers/tools";
import { rng, syntheticFigures, syntheticResolution, writtenFile } from "../../support/synthetic";

/**
 * The comparison with last year in the Báo cáo sheet (native formulas) against core/previous.ts:
 * random figures and last year's figures drawn near the words' boundaries (equal, a change that
 * rounds to 0,0 or sits on a half of a tenth, last year's 0, words), recalculated by LibreOffice.
 */

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);
const PERIODS: Period[] = ["6t", "nam"];

/** Last year's figure as written, for this year's `a`: near the boundaries of the words. */
function lastYear(r: () => number, a: unknown, rate: boolean): Actuals[string] {
  if (typeof a !== "number") return r() < 0.5 ? 100 : null;
  const pick = Math.floor(r() * 9);
  if (pick === 0) return a;
  if (pick === 1) return 0;
  if (pick === 2) return "abc";
  // A difference of k/20 (a half of a tenth) in points, or of k/20 percent.
  const k = Math.floor(r() * 40) - 20;
  if (rate) return Number((a - k / 20).toPrecision(12));
  if (pick === 3) return Number((a / (1 + k / 2000)).toPrecision(12));
  return Number((a * (0.5 + r())).toPrecision(10));
}

describeWithTools("the Báo cáo sheet compares with last year as the core does", ["soffice"], () => {
  const res = syntheticResolution(160, SEED + 3);
  const r = rng(SEED + 4);
  const figures = Object.fromEntries(PERIODS.map((p, k) => [p, syntheticFigures(res, SEED + 5 + k, 0.05)]));
  const previous = Object.fromEntries(
    PERIODS.map((p) => [
      p,
      Object.fromEntries(
        allIndicators(res).flatMap((ind) => {
          const v = lastYear(r, figures[p]![ind.id], measureOf(ind).sign !== "");
          return v === null ? [] : [[ind.id, v]];
        }),
      ),
    ]),
  ) as Record<Period, Actuals>;
  const content = writtenFile(res, { periods: figures, previous, tolerance: 0.05 });
  let column: string[];
  let summary: string[][];

  beforeAll(async () => {
    const file = path.join(tempDir("chitieu-previous-sheet-"), "so.xlsx");
    writeFileSync(file, await writeXlsx(buildWorkbookPlan(res, { periods: PERIODS, content })));
    const sheets = recalcToCsv([file]).get(file)!;
    summary = sheets.get("Tổng hợp")!;
    column = sheets
      .get("Báo cáo")!
      .slice(3)
      .map((row) => row[0] ?? "")
      .filter((t) => t !== "");
  }, 240_000);

  test(`every sentence equals the review text, each comparison word included (seed ${SEED})`, () => {
    const want = PERIODS.flatMap((p) => reviewText(res, content, p));
    expect(column).toEqual(want);
    // The draw reached every kind of words.
    const said = want.join("\n");
    for (const words of ["bằng cùng kỳ", "% so với cùng kỳ", "điểm phần trăm so với cùng kỳ", "tăng ", "giảm "])
      expect(said).toContain(words);
    // And the words are core/previous.ts's: one indicator the sheet compares (both figures numbers,
    // this year's acceptable, so its sentence is printed) checked by hand of the rule.
    const compared = new Set(evaluatePeriod(res, content, "nam").flatMap((x) => (x.change === null ? [] : [x.id])));
    const ind = allIndicators(res).find((i) => compared.has(i.id))!;
    const w = previousWords(ind, content.rows[ind.id]!.figures.nam, content.rows[ind.id]!.previous!.nam);
    expect(w).not.toBeNull();
    expect(said).toContain(w!);
  });

  test(`Tổng hợp counts the indicators above, equal to and below last year as the core compares them (seed ${SEED})`, () => {
    const head = summary.findIndex((row) => row.includes(PREVIOUS_HEADERS[0]) && row.includes(PREVIOUS_HEADERS[3]));
    expect(head).toBeGreaterThan(0);
    const at = (h: string) => summary[head]!.indexOf(h);
    for (const [k, p] of PERIODS.entries()) {
      const row = summary[head + 1 + k]!;
      expect(row[0]).toBe(PERIOD_INFO[p].label);
      const changes = evaluatePeriod(res, content, p).flatMap((x) => (x.change === null ? [] : [x.change]));
      const want = [
        changes.filter((c) => c > 1).length,
        changes.filter((c) => c === 1).length,
        changes.filter((c) => c < 1).length,
      ];
      expect(want.every((n) => n > 0)).toBe(true);
      expect(PREVIOUS_HEADERS.map((h) => Number(row[at(h)]))).toEqual([...want, changes.length]);
    }
  });
});
