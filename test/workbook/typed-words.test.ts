import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { allIndicators } from "../../src/core/model";
import { reviewText } from "../../src/core/report";
import { readTypedWord, wordSpellings } from "../../src/core/typed";
import { QUALITATIVE_ANSWERS, RATING_LEVELS, STATUSES, type Period } from "../../src/core/words";
import { progressOf } from "../../src/workbook/check";
import { CUMULATIVE_WORDS, ESTIMATE_ROW, TOLERANCE_NAME } from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { readBack } from "../../src/workbook/tracking-row";
import { writeXlsx } from "../../src/workbook/xlsx";
import { readTrackingXlsx } from "../../src/workbook/xlsx-read";
import { describeWithTools, recalcToCsv, tempDir } from "../helpers/tools";
import { trackingAddresses } from "../helpers/tracking-xlsx";
import { rng, syntheticFigures, writtenFile } from "../../support/synthetic";

/**
 * One reading of a typed word (core/typed.ts), in the sheet and in the core: random workbooks whose
 * ratings, qualitative answers, "Đánh giá lại", "Cộng dồn", estimate flags and tolerance cell are
 * typed with stray spaces, no-break and zero-width spaces, decomposed or "tổ hợp" diacritics, other
 * cases, and some that are not words at all. LibreOffice recalculates them; the Báo cáo sheet must
 * say exactly what `chitieu report --from` and the pane's "Sao chép báo cáo" say, and the summary's
 * counts must be the pane's progress.
 */
const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);
const PERIODS: Period[] = ["6t", "nam"];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A word as staff might type it: mostly a variant the reading accepts, sometimes one it does not. */
function typed(r: Rand, word: string): string {
  const [nfc, nfd, composite] = wordSpellings(word);
  let w = pick(r, [nfc, nfd, composite]);
  w = pick(r, [w, w.toLowerCase(), w.toUpperCase()]);
  const around = pick(r, ["", " ", "  ", "\u00a0", "\u200b", " \u00a0 "]);
  const after = pick(r, ["", " ", "\u00a0", "\u200b"]);
  w = `${around}${w.replace(" ", pick(r, [" ", "  ", "\u00a0", " \u200b"]))}${after}`;
  // Not a word: a tab the formulas do not trim, a wildcard, a full stop.
  return r() < 0.12 ? pick(r, [`${w}\t`, "*", `${word}.`, "?ạt"]) : w;
}

describeWithTools("a typed word reads the same in LibreOffice, the command line and the pane", ["soffice"], () => {
  const dir = tempDir("chitieu-typed-");

  test.each([SEED, SEED + 1])(
    "perturbed words, seed %s",
    async (seed) => {
      const r = rng(seed);
      const res = BUILTIN_RESOLUTION;
      const inds = allIndicators(res);
      const content = writtenFile(res, {
        periods: { "6t": syntheticFigures(res, seed, 0.1), nam: syntheticFigures(res, seed + 1, 0.1) },
      });
      const base = path.join(dir, `base-${seed}.xlsx`);
      writeFileSync(base, await writeXlsx(buildWorkbookPlan(res, { periods: PERIODS, content })));

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(base);
      const ws = wb.getWorksheet("Theo dõi")!;
      const { colOf, rowOf } = trackingAddresses(ws);
      for (const ind of inds) {
        const row = ws.getRow(rowOf.get(ind.id)!);
        const words =
          ind.target.op === "rating" ? RATING_LEVELS : ind.target.op === "qualitative" ? QUALITATIVE_ANSWERS : null;
        for (const p of PERIODS)
          if (words && r() < 0.8)
            row.getCell(colOf.get(p === "nam" ? "actual" : `actual${p}`)!).value = typed(r, pick(r, words));
        if (r() < 0.3) {
          row.getCell(colOf.get("override")!).value = typed(r, pick(r, STATUSES));
          row.getCell(colOf.get("reason")!).value = pick(r, ["Cấp ủy thống nhất", "", " ", "\u00a0"]);
        }
        if (r() < 0.5) row.getCell(colOf.get("cumulative")!).value = typed(r, pick(r, CUMULATIVE_WORDS));
      }
      for (const p of PERIODS)
        ws.getRow(ESTIMATE_ROW).getCell(colOf.get(p === "nam" ? "actual" : `actual${p}`)!).value = typed(
          r,
          pick(r, CUMULATIVE_WORDS),
        );
      const [sheetName, cell] = wb.definedNames.getRanges(TOLERANCE_NAME).ranges[0]!.split("!") as [string, string];
      wb.getWorksheet(sheetName.replace(/^'|'$/gu, ""))!.getCell(cell.replace(/\$/gu, "")).value = pick(r, [
        "10 %",
        "\u00a010%",
        "10%",
        0.1,
        "abc",
      ]);
      // The file's cached results are for the figures before these edits; Excel would recalculate
      // them on editing, so they go (the pane and the command line then judge what was typed).
      wb.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((c) => {
            const v = c.value as { formula?: string; sharedFormula?: string; result?: unknown } | null;
            if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v) && "result" in v) {
              const { result: _stale, ...rest } = v;
              c.value = rest as ExcelJS.CellValue;
            }
          }),
        ),
      );
      const file = path.join(dir, `typed-${seed}.xlsx`);
      await wb.xlsx.writeFile(file);

      // The pane's reading of the file (what "Sao chép báo cáo" copies and the progress tab counts).
      const back = readBack((await readTrackingXlsx(readFileSync(file)))!, res);
      expect(back.own).toBe(true);
      const pane = PERIODS.flatMap((p) => reviewText(back.resolution, back.content, p));
      // The perturbations do reach the reading: some words are read, some refused.
      const overrides = Object.values(back.content.rows).flatMap((row) => (row.override ? [row.override.status] : []));
      expect(overrides.length).toBeGreaterThan(0);
      expect(overrides.some((o) => readTypedWord(o, STATUSES) !== null && o !== o.trim())).toBe(true);

      // `chitieu report --from`, period by period.
      const { main } = await import("../../src/cli/main");
      const cli: string[] = [];
      for (const p of PERIODS) {
        let out = "";
        const code = await main(["report", "--from", file, "--period", p], {
          stdout: (t) => void (out += t),
          stderr: () => undefined,
          stdin: async () => Buffer.from(""),
        });
        expect(code).toBe(0);
        cli.push(...out.trim().split("\n"));
      }
      expect(cli).toEqual(pane);

      // The sheet, recalculated.
      const sheets = recalcToCsv([file]).get(file)!;
      const sentences = sheets
        .get("Báo cáo")!
        .slice(3)
        .map((row) => row[0] ?? "")
        .filter((t) => t !== "");
      expect(sentences).toEqual(pane);

      // The summary's totals, one table per period, against the pane's progress.
      const summary = sheets.get("Tổng hợp")!;
      let header: string[] = [];
      const totals: Record<string, number>[] = [];
      for (const row of summary) {
        if (row.includes("Phần") && row.includes("Tổng số")) header = row;
        if (row[1] === "Tổng cộng")
          totals.push(Object.fromEntries(STATUSES.map((s) => [s, Number(row[header.indexOf(s)])])));
      }
      expect(totals).toEqual(PERIODS.map((p) => progressOf(back, p).total));
    },
    240_000,
  );
});
