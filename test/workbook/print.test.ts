import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import { allIndicators, type Resolution } from "../../src/core/model";
import { PERIOD_INFO, PERIODS, type Period } from "../../src/core/periods";
import { BIEU_HEADER_ROW, bieuSheetName } from "../../src/workbook/bieu-sheet";
import {
  KEY_PREFIX,
  HEADER_ROW,
  KEY_ROW,
  SUMMARY_SHEET,
  TRACKING_SHEET,
  cellPosition,
  periodKey,
  printedOnTracking,
  resultKey,
  type ColumnKey,
} from "../../src/workbook/layout";
import { buildWorkbookPlan, type SheetPlan, type WorkbookPlan } from "../../src/workbook/plan";
import { readTrackingValues } from "../../src/workbook/sheet-read";
import { FONT, madeOn, wrappedLines } from "../../src/workbook/sheet-plan";
import { STATUS } from "../../src/core/words";
import { readTrackingXlsx } from "../../src/workbook/xlsx-read";
import { writeXlsx } from "../../src/workbook/xlsx";
import { writeWorkbook } from "../../src/workbook/excel";
import { FakeBook, FakeContext } from "../../support/fake-excel";
import { syntheticFigures, syntheticResolution, writtenFile } from "../../support/synthetic";
import { describeWithTools, pdfBoxes, printToPdf, recalcToCsv, tempDir, type PdfBox } from "../helpers/tools";

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);
const SHAPES: Period[][] = [["nam"], ["6t", "nam"], ["6t", "9t", "nam"], ["3t", "6t", "9t", "nam"]];

/**
 * A workbook of `n` synthetic indicators with random figures and last year's in every period, the
 * first period an estimate; with three periods, targets assigned by the province too (the widest Biểu).
 */
function planOf(n: number, periods: Period[], seed: number): { res: Resolution; plan: WorkbookPlan } {
  const res = syntheticResolution(n, seed);
  const figures = (from: number) =>
    Object.fromEntries(periods.map((p, k) => [p, syntheticFigures(res, seed + from + k, 0.05)] as const));
  const content = writtenFile(res, { periods: figures(0), previous: figures(50), estimates: periods.slice(0, 1) });
  if (periods.length === 3) content.assignedBy = "tỉnh";
  return { res, plan: buildWorkbookPlan(res, { periods, content }) };
}

/** The plan's cells of a sheet as a grid of what a reader sees before calculating (formulas as "=…"). */
function grid(p: SheetPlan): unknown[][] {
  const g: unknown[][] = Array.from({ length: p.rowCount }, () => Array<unknown>(p.colCount).fill(""));
  for (const c of p.cells) g[c.row - 1]![c.col - 1] = c.formula !== undefined ? `=${c.formula}` : (c.value ?? "");
  return g;
}

describe("the Biểu sheets in the plan", () => {
  test.each(SHAPES.map((ps) => [ps.join(", "), ps] as const))(
    "periods %s: one sheet per period, named by the registry, after the tracking sheet",
    (_, ps) => {
      const { res, plan } = planOf(30, ps, SEED);
      const names = plan.sheets.map((s) => s.name);
      expect(names.filter((n) => n.startsWith("Biểu "))).toEqual(ps.map(bieuSheetName));
      for (const p of ps) {
        expect(bieuSheetName(p)).toBe(`Biểu ${PERIOD_INFO[p].label}`);
        expect(names.indexOf(bieuSheetName(p))).toBeGreaterThan(names.indexOf(TRACKING_SHEET));
        const s = plan.sheets.find((x) => x.name === bieuSheetName(p))!;
        // Every indicator and section has its row, by Mã.
        const ids = s.cells.filter((c) => c.col === 1 && c.row > BIEU_HEADER_ROW).map((c) => c.value);
        expect(ids).toEqual(res.sections.flatMap((x) => [x.id, ...x.indicators.map((i) => i.id)]));
        // Each reference to the tracking sheet is a whole column: rows are found by Mã, never by number.
        const refs = s.cells.flatMap((c) =>
          [...(c.formula ?? "").matchAll(/'Theo dõi'!(\S+?)[,)]/gu)].map((m) => m[1]),
        );
        expect(refs.length).toBeGreaterThan(0);
        expect(refs.filter((r) => !/^\$[A-Z]+:\$[A-Z]+$/u.test(r!))).toEqual([]);
        // The title names the period and the ward; the five colours on the status column.
        expect(s.cells.find((c) => c.row === 1)!.value).toBe(
          `Biểu kết quả thực hiện các chỉ tiêu ${PERIOD_INFO[p].label} năm ${res.year} — ${res.organization}`,
        );
        expect(s.conditionalFormats.flatMap((cf) => cf.rules)).toHaveLength(5);
        expect(s.print).toMatchObject({ landscape: true, repeatRows: [BIEU_HEADER_ROW, BIEU_HEADER_ROW] });
        // The add-in's readers do not take it for a tracking sheet.
        expect(readTrackingValues(s.name, grid(s))).toBeNull();
      }
    },
  );

  test("the --from reader finds the tracking sheet, not a Biểu sheet, in a written file", async () => {
    const { plan } = planOf(12, ["6t", "nam"], SEED);
    const read = await readTrackingXlsx(await writeXlsx(plan));
    expect(read?.name).toBe(TRACKING_SHEET);
  });

  test("the page header says the day the file was made in Vietnamese form, whatever the locale", () => {
    expect(madeOn(new Date(2026, 11, 5))).toBe("Lập ngày 05/12/2026");
    const { plan } = planOf(6, ["nam"], SEED);
    for (const s of plan.sheets) expect(s.print.header.right).toMatch(/^Lập ngày \d\d\/\d\d\/\d{4}$/u);
  });

  test("the Office.js writer writes the Biểu sheets, hides and groups columns, in as many syncs at any size", async () => {
    const syncs: number[] = [];
    // (Very large sheets take a few more requests for their content: excel.test, 2,000 indicators.)
    for (const n of [20, 200]) {
      const { plan } = planOf(n, ["6t", "9t", "nam"], SEED);
      const book = new FakeBook(["Sheet1"]);
      const ctx = new FakeContext(book);
      await writeWorkbook(ctx.asContext, plan, {
        sheetNames: ["Sheet1"],
        hasToleranceName: false,
        supports: () => true,
      });
      syncs.push(ctx.syncCount);
      for (const p of plan.sheets) {
        const s = book.sheet(p.name);
        expect([p.name, [...s.hiddenColumns].sort((a, b) => a - b)]).toEqual([
          p.name,
          p.columns.flatMap((c, i) => (c.hidden ? [i + 1] : [])),
        ]);
      }
      const tracking = plan.sheets[0]!;
      const grouped = tracking.columns.flatMap((c, i) => (c.grouped ? [i + 1] : []));
      expect(
        book.sheet(TRACKING_SHEET).columnGroups.flatMap((g) => {
          const [a, b] = g.split(":").map(Number) as [number, number];
          return Array.from({ length: b - a + 1 }, (_, k) => a + k);
        }),
      ).toEqual(grouped);
    }
    expect(syncs[0]).toBe(syncs[1]);
  });

  test("the tracking sheet: the printed range is Mã, what was planned, each period's figure and status, and the result", () => {
    for (const ps of SHAPES) {
      const { plan } = planOf(10, ps, SEED);
      const t = plan.sheets[0]!;
      // The columns by their hidden keys (KEY_ROW), as the add-in finds them.
      const keys = t.cells
        .filter((c) => c.row === KEY_ROW && typeof c.value === "string" && c.value.startsWith(KEY_PREFIX))
        .sort((a, b) => a.col - b.col)
        .map((c) => ({ col: c.col, key: (c.value as string).slice(KEY_PREFIX.length) as ColumnKey }));
      const end = cellPosition(t.print.area.split(":")[1]!).col;
      const printed = keys.filter((k) => k.col <= end && !t.columns[k.col - 1]!.hidden).map((k) => k.key);
      expect(printed).toEqual([
        "id",
        "no",
        "text",
        "unit",
        "targetText",
        ...ps.flatMap((p) => [periodKey("actual", p), periodKey("status", p)]),
        "final",
      ]);
      // A status column holds "Chưa có số liệu" (bold) on one line wherever three periods or fewer leave room.
      const statusCols = printed.filter((k) => k.startsWith("status") || k === "final");
      const oneLine = statusCols.map((k) =>
        wrappedLines(STATUS.noFigure, t.columns[keys.find((x) => x.key === k)!.col - 1]!.width, 12, true),
      );
      expect([ps.join(","), oneLine.every((n) => n === 1)]).toEqual([ps.join(","), ps.length <= 3]);
      // Only the printed range's other columns are collapsed, each in the outline group staff open with "+".
      for (const k of keys) {
        const c = t.columns[k.col - 1]!;
        expect([k.key, !!c.hidden, !!c.grouped]).toEqual([k.key, k.col < end && !printedOnTracking(k.key), !!c.hidden]);
      }
      // Notes stay on screen, after the print area, and above them a line says how to open each collapsed column.
      const note = keys.find((k) => k.key === "note")!.col;
      expect(note).toBeGreaterThan(end);
      const hint = String(t.cells.find((c) => c.row < HEADER_ROW && c.col === note)?.value ?? "");
      const collapsed = keys.filter((k) => t.columns[k.col - 1]!.hidden).map((k) => k.col);
      expect(collapsed.length).toBeGreaterThan(0);
      for (const at of collapsed) {
        const header = String(t.cells.find((c) => c.row === HEADER_ROW && c.col === at)!.value);
        expect([header, hint.includes(header.split(" ").slice(0, 2).join(" "))]).toEqual([header, true]);
      }
    }
  });
});

/** A word's box height per point of font size, for the sheets' font as LibreOffice prints it (12 pt at 100%). */
async function heightPerPoint(dir: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("x", { pageSetup: { paperSize: 9, scale: 100, fitToPage: false } });
  ws.getCell(1, 1).value = "Chỉ tiêu đạt";
  ws.getCell(1, 1).font = { name: FONT, size: 12 };
  const file = path.join(dir, "calibrate.xlsx");
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const { words } = pdfBoxes(printToPdf(file, dir));
  return Math.min(...words.map((w) => w.yMax - w.yMin)) / 12;
}

/**
 * Column widths are in digits of the workbook's default font, Calibri: LibreOffice measures them as
 * Excel does only with Carlito (Calibri's metrics, fonts-crosextra-carlito); with another stand-in the
 * columns come out wider than in Excel and the page smaller. Missing, it counts as a missing tool.
 */
const CALIBRI_AS_EXCEL = ((): string[] => {
  try {
    return execFileSync("fc-match", ["Calibri"], { encoding: "utf8" }).includes("Carlito")
      ? []
      : ["fonts-crosextra-carlito"];
  } catch {
    return ["fc-match"];
  }
})();

describeWithTools(
  "printed by LibreOffice: the tracking sheet at 9 pt or more, each Biểu sheet one page wide at 10 pt or more",
  ["soffice", "pdftotext", ...CALIBRI_AS_EXCEL],
  () => {
    test.each(SHAPES.map((ps) => [ps.join(", "), ps] as const))(
      `periods %s (seed ${SEED})`,
      async (_, ps) => {
        const dir = tempDir("chitieu-print-");
        const { res, plan } = planOf(40, ps, SEED);
        const file = path.join(dir, "so.xlsx");
        writeFileSync(file, await writeXlsx(plan));
        const k = await heightPerPoint(dir);
        const { words, width, height } = pdfBoxes(printToPdf(file, dir));
        const margin = 0.4 * 72;
        const band = 0.55 * 72;
        // Each page by the sheet its footer names (footer: sheet name, page x / y).
        const sheetOf = new Map<number, string>();
        const footers = words.filter((w) => w.yMin > height - band);
        for (const name of plan.sheets.map((s) => s.name)) {
          const first = name.split(" ")[0]!;
          for (const w of footers.filter((x) => x.text === first)) {
            const line = footers
              .filter((x) => x.page === w.page && Math.abs(x.yMin - w.yMin) < 1 && x.xMin >= w.xMin)
              .sort((a, b) => a.xMin - b.xMin)
              .map((x) => x.text)
              .join(" ");
            if (line.startsWith(`${name} `) || line === name) sheetOf.set(w.page, name);
          }
        }
        // The page header and footer are each page's top and bottom lines; the body is everything between
        // (a row printed just above the footer is body, whatever band the margins leave).
        const edges = new Map<number, [number, number]>();
        for (const w of words) {
          const [top, bottom] = edges.get(w.page) ?? [Infinity, -Infinity];
          edges.set(w.page, [Math.min(top, w.yMin), Math.max(bottom, w.yMin)]);
        }
        const body = (name: string) =>
          words.filter((w) => {
            const [top, bottom] = edges.get(w.page)!;
            return sheetOf.get(w.page) === name && w.yMin > top + 1 && w.yMin < bottom - 1;
          });
        // LibreOffice scales by whole percents (75% of 12 pt is 9 pt); a box measures to a few hundredths.
        const size = (ws: PdfBox[]) => Math.min(...ws.map((w) => (w.yMax - w.yMin) / k)) + 0.05;
        const outside = (ws: PdfBox[]) =>
          ws.filter((w) => w.xMax > width - margin + 0.5 || w.xMin < margin - 0.5).map((w) => w.text);

        const tracking = body(TRACKING_SHEET);
        expect(tracking.length).toBeGreaterThan(0);
        expect(size(tracking)).toBeGreaterThanOrEqual(9);
        expect(outside(tracking)).toEqual([]);
        // No text runs into a neighbour's: a status too wide for its row ("Chưa có số liệu" on two lines
        // of a one-line row) prints its second line over the next row's.
        const overprinted: string[] = [];
        for (const pg of new Set(tracking.map((w) => w.page))) {
          const on = tracking.filter((w) => w.page === pg);
          for (let i = 0; i < on.length; i++)
            for (let j = i + 1; j < on.length; j++) {
              const [a, b] = [on[i]!, on[j]!];
              const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
              const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
              if (x > 1 && y > 0.3 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin))
                overprinted.push(`${a.text} × ${b.text}`);
            }
        }
        expect(overprinted).toEqual([]);
        // Tổng hợp: no page holds only the note; each shows part of a table (its status headers or rows).
        const summaryWords = body(SUMMARY_SHEET);
        for (const pg of new Set(summaryWords.map((w) => w.page))) {
          const texts = summaryWords.filter((w) => w.page === pg).map((w) => w.text);
          expect([pg, texts.some((t) => /^\d+$/.test(t))]).toEqual([pg, true]);
        }
        // No table is cut across pages: every page after the first starts with a table's title.
        const summaryPages = [...new Set(summaryWords.map((w) => w.page))].sort((a, b) => a - b);
        for (const pg of summaryPages.slice(1)) {
          const top = summaryWords.filter((w) => w.page === pg).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)[0]!;
          expect([pg, top.text]).toEqual([pg, expect.stringMatching(/^(Kết|So|Chỉ)$/u)]);
        }

        const shown = recalcToCsv([file]).get(file)!;
        const trackingRows = shown.get(TRACKING_SHEET)!;
        const header = trackingRows.findIndex((r) => r[0] === "Mã");
        // The tracking sheet's columns by their hidden keys.
        const keyRow = trackingRows[header - 1]!;
        const at = (key: string) => keyRow.indexOf(`chitieu:${key}`);
        for (const p of ps) {
          const name = bieuSheetName(p);
          const printed = body(name);
          const pages = new Set(printed.map((w) => w.page));
          expect(pages.size).toBeGreaterThan(0);
          expect(size(printed)).toBeGreaterThanOrEqual(10);
          expect(outside(printed)).toEqual([]);
          // One page wide: every page shows the repeated header from its first column to its last.
          for (const pg of pages) {
            const texts = printed.filter((w) => w.page === pg).map((w) => w.text);
            expect([pg, texts.includes("STT"), texts.includes("Đánh")]).toEqual([pg, true, true]);
          }
          // Every indicator is there, with the tracking sheet's figures, ratios and status.
          const rows = shown.get(name)!;
          const head = rows[BIEU_HEADER_ROW - 1]!;
          const byId = new Map(rows.slice(BIEU_HEADER_ROW).map((r) => [r[0], r]));
          const trackById = new Map(trackingRows.slice(header + 1).map((r) => [r[0], r]));
          const statusAt = head.indexOf("Đánh giá");
          const figureAt = head.findIndex((h) => h === "Thực hiện" || h === "Ước thực hiện");
          expect(head[figureAt]).toBe(p === ps[0] ? "Ước thực hiện" : "Thực hiện");
          const shownAs: [string, string][] = [
            ["Đánh giá", resultKey(p)],
            [head[figureAt]!, periodKey("actual", p)],
            ["Cùng kỳ", periodKey("previous", p)],
            ["So với kế hoạch (%)", periodKey("ratio", p)],
            ["So với cùng kỳ (%)", periodKey("change", p)],
            ["Kế hoạch", "targetText"],
            ...(ps.length === 3 ? [["Chỉ tiêu tỉnh giao", "assignedText"] as [string, string]] : []),
          ];
          const mismatches: string[] = [];
          for (const [title, key] of shownAs) {
            expect([title, head.indexOf(title) > 0, at(key) > 0]).toEqual([title, true, true]);
            for (const ind of allIndicators(res)) {
              const mine = byId.get(ind.id)?.[head.indexOf(title)];
              const want = trackById.get(ind.id)![at(key)];
              if (mine !== want) mismatches.push(`${ind.id} ${title}: ${mine} ≠ ${want}`);
            }
          }
          expect(mismatches.slice(0, 10)).toEqual([]);
          const statuses = allIndicators(res).map((i) => byId.get(i.id)![statusAt]);
          expect(new Set(statuses).size).toBeGreaterThan(2);
          // Printed whole: each indicator's text is on its pages, read down the Chỉ tiêu column (left of
          // "Đơn vị tính") line by line, so a wrapped text is joined again without a neighbour's words.
          const squeeze = (t: string) => t.replace(/\s+/gu, "");
          const unitAt = new Map(printed.filter((w) => w.text === "Đơn").map((w) => [w.page, w.xMin]));
          const inTextColumn = printed
            .filter((w) => w.xMax <= (unitAt.get(w.page) ?? Infinity) + 0.5)
            .sort((a, b) => a.page - b.page || Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin);
          const all = squeeze(inTextColumn.map((w) => w.text).join(""));
          expect(
            allIndicators(res)
              .filter((i) => !all.includes(squeeze(i.text)))
              .map((i) => i.id),
          ).toEqual([]);
        }
      },
      300_000,
    );
  },
);

test("every period of the registry has a distinct sheet name of at most 31 characters", () => {
  const names = PERIODS.map(bieuSheetName);
  expect(new Set(names).size).toBe(PERIODS.length);
  for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
});
