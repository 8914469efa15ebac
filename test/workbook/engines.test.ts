import { writeFileSync } from "fs";
import * as path from "path";
import { CELL_JUNK, DATE_FORMATS, FIGURE_FORMATS } from "../../src/core/cell";
import type { Actuals, Indicator, Resolution } from "../../src/core/model";
import type { Period } from "../../src/core/periods";
import { writtenContent } from "../../src/core/content";
import { capitalize } from "../../src/core/text";
import { colIndex, colLetter, sheetLayout } from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { writeXlsx } from "../../src/workbook/xlsx";
import { syntheticFigures, syntheticResolution } from "../../support/synthetic";
import { describeWithTools, gnumericToCsv, recalcToCsv, tempDir } from "../helpers/tools";

/**
 * One indicator per number format of core/cell.ts, a figure typed in it: money (≥ 100 triệu đồng)
 * for the plain and money formats, a share (≥ 90%) for the percent ones, and a date serial in a
 * date format for each of DATE_FORMATS.
 */
const YEAR: Period[] = ["nam"];
const isPercent = (f: string) => f.includes("%");
const cases = [
  ...FIGURE_FORMATS.map((f) => ({ format: f, date: false })),
  ...DATE_FORMATS.map((f) => ({ format: f, date: true })),
].map((c, k) => ({ ...c, id: `I.${k + 1}` }));

const indicator = (c: (typeof cases)[number]): Indicator =>
  isPercent(c.format)
    ? { id: c.id, text: `Tỷ lệ số ${c.id}`, unit: "%", target: { op: "gte", value: 90 } }
    : { id: c.id, text: `Giá trị số ${c.id}`, unit: "triệu đồng", target: { op: "gte", value: 100 } };
const RESOLUTION: Resolution = {
  title: "Định dạng số",
  organization: "Phường thử",
  year: 2024,
  sections: [{ id: "I", title: "ĐỊNH DẠNG", indicators: cases.map(indicator) }],
  warnings: [],
};
/** 150 triệu đồng, 95%, and a day of 2023 as a serial for the dates. */
const FIGURES: Actuals = Object.fromEntries(
  cases.map((c) => [c.id, c.date ? 45000 : isPercent(c.format) ? 95 : 150] as const),
);

async function formatsWorkbook(dir: string): Promise<string> {
  const plan = buildWorkbookPlan(RESOLUTION, { content: writtenContent(RESOLUTION, { nam: FIGURES }), periods: YEAR });
  const sheet = plan.sheets.find((s) => s.name === "Theo dõi")!;
  const actual = colLetter(colIndex("actual", sheetLayout(YEAR)));
  // The format staff gave the figure cell, applied last as Excel applies a format over the sheet's.
  for (const c of cases)
    sheet.styles.push({ ref: `${actual}${plan.rows.find((r) => r.id === c.id)!.row}`, style: { numFmt: c.format } });
  const file = path.join(dir, "formats.xlsx");
  writeFileSync(file, await writeXlsx(plan));
  return file;
}

/** Rows of the tracking sheet by Mã, columns by header text. */
function table(rows: string[][]) {
  const head = rows.findIndex((r) => r.includes("Mã") && r.some((v) => v.startsWith("Đánh giá")));
  const header = rows[head]!;
  const byId = new Map<string, (name: string) => string>();
  for (const r of rows.slice(head + 1)) byId.set(r[header.indexOf("Mã")]!, (n) => r[header.indexOf(n)] ?? "");
  return byId;
}

const DATE_WORDS = capitalize(CELL_JUNK.date);

/**
 * The date formats each engine tells from CELL("format") (observed: LibreOffice 7.4 with a Vietnamese
 * profile, Gnumeric 1.12.55); the others it reports as "G" like an accounting format, so the sheet
 * says nothing there (the pane still checks the cell's format).
 */
const TOLD: Record<string, readonly string[]> = {
  libreoffice: ["mm-dd-yy", "dd/mm/yyyy", "d/m/yy", "[$-42A]d mmmm yyyy", "[$-42A]dd/mm/yyyy"],
  gnumeric: ["d-mmm-yy"],
};

function expectFormats(engine: string, rows: string[][]) {
  const byId = table(rows);
  const wrong: string[] = [];
  for (const c of cases) {
    const cell = byId.get(c.id)!;
    const [status, check] = [cell("Đánh giá"), cell("Kiểm tra số liệu")];
    if (!c.date && (check !== "" || !["Vượt", "Đạt"].includes(status)))
      wrong.push(`${c.format}: number refused (${status} / ${check})`);
    if (c.date && TOLD[engine]!.includes(c.format) && (check !== DATE_WORDS || status !== "Chưa có số liệu"))
      wrong.push(`${c.format}: date not caught (${status} / ${check})`);
    if (c.date && check !== "" && check !== DATE_WORDS) wrong.push(`${c.format}: ${check}`);
  }
  expect(wrong).toEqual([]);
}

describeWithTools(
  "a number in each of staff's formats gets its status; a date is caught where the engine can tell",
  ["soffice"],
  () => {
    test("LibreOffice (Vietnamese profile)", async () => {
      const file = await formatsWorkbook(tempDir("chitieu-formats-"));
      expectFormats("libreoffice", recalcToCsv([file], false, "vi-VN").get(file)!.get("Theo dõi")!);
    });
  },
);

describeWithTools("the same in Gnumeric", ["ssconvert"], () => {
  test("Gnumeric", async () => {
    const file = await formatsWorkbook(tempDir("chitieu-formats-"));
    expectFormats("gnumeric", gnumericToCsv([file]).get(file)!.get("Theo dõi")!);
  });
});

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);

describeWithTools("seed workbooks recalculated by Gnumeric equal LibreOffice's", ["soffice", "ssconvert"], () => {
  test(`every status, Kết quả and check cell, 6 months and the year (seed ${SEED})`, async () => {
    const dir = tempDir("chitieu-gnumeric-");
    const files: string[] = [];
    for (const [k, n] of [120, 60].entries()) {
      const res = syntheticResolution(n, SEED + k);
      const plan = buildWorkbookPlan(res, {
        periods: ["6t", "nam"],
        content: writtenContent(res, {
          "6t": syntheticFigures(res, SEED + k + 10, 0.05),
          nam: syntheticFigures(res, SEED + k, 0.05),
        }),
      });
      const file = path.join(dir, `seed-${k}.xlsx`);
      writeFileSync(file, await writeXlsx(plan));
      files.push(file);
    }
    const lo = recalcToCsv(files);
    const gn = gnumericToCsv(files);
    const differ: string[] = [];
    let compared = 0;
    for (const f of files) {
      const a = lo.get(f)!.get("Theo dõi")!;
      const b = gn.get(f)!.get("Theo dõi")!;
      const head = a.findIndex((r) => r.includes("Mã") && r.some((v) => v.startsWith("Đánh giá")));
      const cols = a[head]!.flatMap((h, i) => (/^(Đánh giá|Kết quả|Kiểm tra)/u.test(h) ? [i] : []));
      for (let r = head + 1; r < a.length; r++)
        for (const i of cols) {
          compared++;
          if ((a[r]![i] ?? "") !== (b[r]?.[i] ?? ""))
            differ.push(`${a[r]![0]} ${a[head]![i]}: “${a[r]![i]}” / “${b[r]?.[i]}”`);
        }
    }
    expect(compared).toBeGreaterThan(500);
    expect(differ.slice(0, 20)).toEqual([]);
  });
});
