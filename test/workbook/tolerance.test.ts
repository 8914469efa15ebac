import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkFigure } from "../../src/core/judge";
import { allIndicators, type Actuals, type Resolution } from "../../src/core/model";
import { DEFAULT_TOLERANCE, readToleranceCell } from "../../src/core/tolerance";
import { readTrackingXlsx } from "../../src/workbook/xlsx-read";
import { readBack } from "../../src/workbook/tracking-row";
import { describeWithTools, recalcToCsv, tempDir } from "../helpers/tools";
import { syntheticFigures, syntheticResolution } from "../../support/synthetic";
import { cli } from "../helpers/cli";

/**
 * One tolerance reading and one boundary (issue "one content, one truth"): the sheet's guarded
 * formula, the pane and carry-over (readToleranceCell) and `chitieu evaluate` decide the same
 * status for every figure, at tolerances up to 0,99, on the exact boundary of "Cơ bản đạt".
 */
const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);

/** The synthetic figures a command line accepts (it refuses wrong ones; the engine test covers those). */
function validFigures(res: Resolution, seed: number, t: number): Actuals {
  const byId = new Map(allIndicators(res).map((i) => [i.id, i]));
  return Object.fromEntries(
    Object.entries(syntheticFigures(res, seed, t)).filter(([id, v]) => checkFigure(byId.get(id)!, v).ok),
  );
}

function statusesOf(rows: string[][], res: Resolution): string[] {
  const head = rows.findIndex((r) => r.includes("Mã") && r.includes("Đánh giá"));
  const [id, status] = ["Mã", "Đánh giá"].map((h) => rows[head]!.indexOf(h));
  const byId = new Map(rows.slice(head + 1).map((r) => [r[id!], r[status!]]));
  return allIndicators(res).map((i) => byId.get(i.id) ?? "?");
}

describe("the tolerance cell, read by the core", () => {
  test("a number within 0–0,99 or a whole percentage typed as text; nothing else", () => {
    const read = (v: unknown) => {
      const t = readToleranceCell(v);
      return t.ok ? t.value : null;
    };
    expect([0, 0.05, 0.99, "10%", "10 %", " 7%\u00a0", "0%", "99%"].map(read)).toEqual([
      0, 0.05, 0.99, 0.1, 0.1, 0.07, 0, 0.99,
    ]);
    expect([1.5, -0.2, "abc", "0,1", "1,5%", "05%", "-5%", "100%", "10", true, null].map(read)).toEqual(
      Array(11).fill(null),
    );
  });
});

describeWithTools("one tolerance, one boundary, in LibreOffice and in the core", ["soffice"], () => {
  const dir = tempDir("chitieu-tolerance-");
  const res = syntheticResolution(150, SEED);
  const resFile = path.join(dir, "nq.json");
  writeFileSync(resFile, JSON.stringify(res));

  test.each([0, 0.05, 0.5, 0.94, 0.99])(
    `tolerance %s: every status of figures on and around the boundary equals chitieu evaluate (seed ${SEED})`,
    async (t) => {
      const figures = path.join(dir, `so-lieu-${t}.json`);
      writeFileSync(figures, JSON.stringify(validFigures(res, SEED + Math.round(t * 100), t)));
      const out = path.join(dir, `so-${t}.xlsx`);
      const common = ["--resolution", resFile, "--actuals", figures, "--tolerance", String(t)];
      expect((await cli(["workbook", ...common, "--periods", "nam", "--out", out])).code).toBe(0);
      const evaluated = await cli(["evaluate", ...common]);
      expect(evaluated.code).toBe(0);
      const core = JSON.parse(evaluated.out) as Record<string, { status: string }>;
      const sheet = statusesOf(recalcToCsv([out]).get(out)!.get("Theo dõi")!, res);
      const want = allIndicators(res).map((i) => core[i.id]!.status);
      expect(sheet).toEqual(want);
      // The boundary is exercised: some figures sit exactly on it.
      if (t > 0) expect(want).toContain("Cơ bản đạt");
    },
    120_000,
  );

  test('a tolerance typed into the cell as "10%", "10 %" or a number is used; "0,1", "05%" or "abc" fall back to 5%, alike in the sheet, the pane and --from', async () => {
    const figures = path.join(dir, "so-lieu-cell.json");
    writeFileSync(figures, JSON.stringify(validFigures(res, SEED + 1, 0.1)));
    const base = path.join(dir, "base.xlsx");
    const built = await cli([
      "workbook",
      "--resolution",
      resFile,
      "--actuals",
      figures,
      "--periods",
      "nam",
      "--out",
      base,
    ]);
    expect(built.code).toBe(0);
    const cells: unknown[] = [0.1, "10%", "10 %", "10%\u00a0", "0,1", "05%", "abc", 1.5];
    const files: string[] = [];
    for (const [k, v] of cells.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(base);
      const name = wb.definedNames.getRanges("DungSai").ranges[0]!;
      const [sheet, cell] = name.split("!") as [string, string];
      wb.getWorksheet(sheet.replace(/^'|'$/gu, ""))!.getCell(cell.replace(/\$/gu, "")).value = v as ExcelJS.CellValue;
      const f = path.join(dir, `cell-${k}.xlsx`);
      await wb.xlsx.writeFile(f);
      files.push(f);
    }
    const recalculated = recalcToCsv(files);
    for (const [k, f] of files.entries()) {
      // The pane and carry-over read the cell as the sheet does…
      const back = readBack((await readTrackingXlsx(readFileSync(f)))!, res);
      const read = readToleranceCell(cells[k]);
      const t = read.ok ? read.value : DEFAULT_TOLERANCE;
      expect([cells[k], back.content.tolerance]).toEqual([cells[k], t]);
      // …and `chitieu evaluate` with that tolerance gives the sheet's statuses.
      const evaluated = await cli([
        "evaluate",
        "--resolution",
        resFile,
        "--actuals",
        figures,
        "--tolerance",
        String(t),
      ]);
      const core = JSON.parse(evaluated.out) as Record<string, { status: string }>;
      expect([cells[k], statusesOf(recalculated.get(f)!.get("Theo dõi")!, res)]).toEqual([
        cells[k],
        allIndicators(res).map((i) => core[i.id]!.status),
      ]);
    }
  }, 240_000);
});
