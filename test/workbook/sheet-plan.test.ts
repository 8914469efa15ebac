import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import * as path from "path";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { allIndicators, type Resolution } from "../../src/core/model";
import { eachCellOf, periodKey } from "../../src/workbook/layout";
import { buildWorkbookPlan, type CellStyle, type SheetPlan } from "../../src/workbook/plan";
import { FONT, LINE_HEIGHT, pageBands, printedPages } from "../../src/workbook/sheet-plan";
import type { Period } from "../../src/core/periods";
import { writeXlsx } from "../../src/workbook/xlsx";
import { describeWithTools, pdfBoxes, printToPdf, recalcToCsv, tempDir, type PdfBox } from "../helpers/tools";
import { trackingAddresses } from "../helpers/tracking-xlsx";
import { syntheticResolution, writtenFile } from "../../support/synthetic";

/** Each text cell that wraps, with what decides its height: text, font, bold, and its (merged) width. */
interface Measured {
  sheet: string;
  row: number;
  col: number;
  text: string;
  size: number;
  bold: boolean;
  width: number;
}

function styleAt(p: SheetPlan, row: number, col: number): CellStyle {
  const st: CellStyle = {};
  for (const s of p.styles) eachCellOf(s.ref, (r, c) => r === row && c === col && Object.assign(st, s.style));
  return st;
}

function wrappedTexts(p: SheetPlan): Measured[] {
  const out: Measured[] = [];
  for (const c of p.cells) {
    if (typeof c.value !== "string" || c.value === "") continue;
    const st = styleAt(p, c.row, c.col);
    if (!st.wrap) continue;
    const merge = p.merges.find((m) => m.startsWith(`${String.fromCharCode(64 + c.col)}${c.row}:`));
    let width = p.columns[c.col - 1]!.width;
    if (merge) {
      width = 0;
      eachCellOf(merge, (r, col) => r === c.row && (width += p.columns[col - 1]!.width));
    }
    out.push({ sheet: p.name, row: c.row, col: c.col, text: c.value, size: st.size ?? 12, bold: !!st.bold, width });
  }
  return out;
}

/**
 * How many lines LibreOffice lays each text out on (Liberation Serif has Times New Roman's metrics):
 * each text alone on a sheet, in a tall top-aligned cell of its width, printed to PDF, lines read
 * back from the PDF's text positions. Also the line pitch in points for 12 pt.
 */
async function linesByLibreOffice(items: Measured[]): Promise<{ lines: number[]; pitch: number }> {
  const wb = new ExcelJS.Workbook();
  items.forEach((m, i) => {
    const ws = wb.addWorksheet(`m${i}`, {
      pageSetup: {
        paperSize: 8 as unknown as ExcelJS.PaperSize, // A3: room for the widest merged cell
        orientation: "landscape",
        scale: 100,
        fitToPage: false,
        margins: { left: 0.2, right: 0.2, top: 0.2, bottom: 0.2, header: 0, footer: 0 },
      },
    });
    ws.getColumn(1).width = m.width;
    ws.getRow(1).height = 600;
    const cell = ws.getCell(1, 1);
    cell.value = m.text;
    cell.font = { name: FONT, size: m.size, bold: m.bold };
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  const dir = tempDir("chitieu-heights-");
  const src = path.join(dir, "m.xlsx");
  writeFileSync(src, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const { lines, pages } = pdfBoxes(printToPdf(src, dir));
  expect(pages).toBe(items.length);
  const tops = items.map((_, n) => [...new Set(lines.filter((l) => l.page === n).map((l) => l.yMin))]);
  const twelve = tops.findIndex((t, i) => t.length > 1 && items[i]!.size === 12);
  const pitch = Number(tops[twelve]![1]) - Number(tops[twelve]![0]);
  return { lines: tops.map((t) => t.length), pitch };
}

const LONG: Resolution = {
  title: "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh và xây dựng Đảng năm 2025",
  organization: "Đảng bộ phường Thử Nghiệm & các chi bộ trực thuộc",
  year: 2025,
  sections: [
    {
      id: "I",
      title:
        "CÁC CHỈ TIÊU VỀ PHÁT TRIỂN KINH TẾ, VĂN HÓA - XÃ HỘI, BẢO ĐẢM QUỐC PHÒNG - AN NINH VÀ XÂY DỰNG HỆ THỐNG CHÍNH TRỊ",
      indicators: [
        {
          id: "I.1",
          text: "Thu nhập bình quân đầu người của các hộ dân trên địa bàn phường",
          unit: "triệu đồng/người/năm",
          targetText: "từ 72 triệu đồng/người/năm trở lên",
          target: { op: "gte", value: 72 },
        },
        {
          id: "I.2",
          text: "Tỷ lệ hộ gia đình, cơ quan, đơn vị, doanh nghiệp trên địa bàn được công nhận danh hiệu “Gia đình văn hóa”, “Cơ quan, đơn vị đạt chuẩn văn hóa” và thực hiện tốt các quy định về nếp sống văn minh, bảo vệ môi trường, phòng chống cháy nổ",
          unit: "%",
          targetText: "từ 95% trở lên",
          target: { op: "gte", value: 95 },
        },
      ],
    },
  ],
  warnings: [],
};

describeWithTools("every row is as tall as LibreOffice needs for its wrapped text", ["soffice"], () => {
  test("built-in, long texts and units, 60 synthetic indicators: no text is taller than its row", async () => {
    const plans = [BUILTIN_RESOLUTION, LONG, syntheticResolution(60, 11)].map((r) => buildWorkbookPlan(r));
    const items = plans.flatMap((p) => p.sheets.flatMap(wrappedTexts));
    const { lines, pitch } = await linesByLibreOffice(items);
    expect(pitch).toBeGreaterThan(10);
    expect(Math.max(...lines)).toBeGreaterThan(2);
    const tooShort: string[] = [];
    const tooTall: string[] = [];
    let k = 0;
    for (const p of plans)
      for (const sheet of p.sheets) {
        const mine = new Map(sheet.rowHeights.map((h) => [h.row, h.height]));
        const rows = new Map<number, number>();
        for (const m of wrappedTexts(sheet)) {
          const n = lines[k++]!;
          const need = (n * pitch * m.size) / 12 + 2;
          rows.set(m.row, Math.max(rows.get(m.row) ?? 0, n));
          // A row without its own height is one line of 12 pt.
          const have = mine.get(m.row) ?? pitch + 2;
          if (have < need)
            tooShort.push(`${sheet.name}!${m.row}: ${have} < ${need} (${n} lines) “${m.text.slice(0, 40)}”`);
        }
        for (const [row, n] of rows) {
          const have = mine.get(row);
          if (have !== undefined && have > (n + 1) * LINE_HEIGHT * 1.2)
            tooTall.push(`${sheet.name}!${row}: ${have} for ${n} lines`);
        }
      }
    expect(tooShort).toEqual([]);
    expect(tooTall).toEqual([]);
  }, 120_000);
});

describe("the printed page names what it is", () => {
  test("header: organisation, resolution, print date; footer: sheet and page x / y; & doubled; long titles cut", () => {
    const b = pageBands(LONG.title + " ".repeat(3) + "x".repeat(200), LONG.organization);
    expect(b.header.left).toBe("Đảng bộ phường Thử Nghiệm && các chi bộ trực thuộc");
    expect(b.header.center.length).toBeLessThanOrEqual(90);
    expect(b.header.center.endsWith("…")).toBe(true);
    // The day the file was made, as text: "&D" would print the day in the printing machine's locale.
    expect(pageBands("t", "o", new Date(2026, 11, 5)).header.right).toBe("Lập ngày 05/12/2026");
    expect(b.header.right).toMatch(/^Lập ngày \d\d\/\d\d\/\d{4}$/u);
    expect(b.footer).toEqual({ left: "&A", center: "Trang &P / &N", right: "" });
    for (const sheet of buildWorkbookPlan(BUILTIN_RESOLUTION).sheets)
      expect(sheet.print.header.center).toBe(BUILTIN_RESOLUTION.title.slice(0, 90).replace(/&/g, "&&"));
  });
});

describe("Tổng hợp flows over pages without cutting a table", () => {
  const summaryOf = (r: Resolution, periods: readonly Period[]) =>
    buildWorkbookPlan(r, { periods }).sheets.find((s) => s.name === "Tổng hợp")!;

  test("a sheet a little longer than a page shrinks to one page tall; one that fits stays as it is", () => {
    const two = summaryOf(BUILTIN_RESOLUTION, ["6t", "nam"]);
    expect(printedPages(two)).toBeGreaterThan(1);
    expect(printedPages(two)).toBeLessThanOrEqual(1.3);
    expect([two.print.pagesTall, two.print.breaksBefore]).toEqual([1, undefined]);
    const one = summaryOf(BUILTIN_RESOLUTION, ["nam"]);
    expect(printedPages(one)).toBeLessThan(1);
  });

  test.each([
    ["24 parts, three periods", syntheticResolution(72, 3, 24), ["6t", "9t", "nam"] as const],
    ["the seed, four periods", BUILTIN_RESOLUTION, ["3t", "6t", "9t", "nam"] as const],
  ])("%s: a longer sheet breaks before each table that would not fit the rest of its page", (_, r, periods) => {
    const p = summaryOf(r, periods);
    expect(printedPages(p)).toBeGreaterThan(1.3);
    expect(p.print.pagesTall).toBeUndefined();
    const breaks = p.print.breaksBefore!;
    expect(breaks.length).toBeGreaterThan(0);
    // Each break is a table's title row.
    const at = new Map(p.cells.map((c) => [`${c.row},${c.col}`, c.value]));
    expect(breaks.map((b) => String(at.get(`${b},1`)))).toEqual(
      breaks.map(() => expect.stringMatching(/^(Kết quả|So với)/u)),
    );
    // A table that fits a page is never split: the break comes before it, so a page holds each table whole
    // (LibreOffice's pages are checked in print.test.ts).
    const blocks = breaks.map((b) => {
      let end = b;
      while (at.has(`${end + 1},2`) || at.has(`${end + 1},1`)) end++;
      return printedPages({
        ...p,
        print: { ...p.print, area: p.print.area.replace(/^A1:/u, `A${b}:`).replace(/\d+$/u, String(end)) },
      });
    });
    expect(blocks.filter((pages) => pages > 1)).toEqual([]);
  });
});

/** A figure on the target itself for every second indicator (or every one), in every period. */
function figures(r: Resolution, every = 2) {
  const chosen = Object.fromEntries(
    allIndicators(r)
      .filter((_, k) => k % every === 0)
      .map((i) => {
        const t = i.target;
        return [i.id, "level" in t ? t.level : "min" in t ? t.min : "value" in t ? t.value : "Đạt"];
      }),
  );
  return { periods: { "6t": chosen, nam: chosen }, estimates: ["nam" as const] };
}

describeWithTools(
  "the Báo cáo sheet printed by LibreOffice: no empty row among the sentences, each whole, within A4's printable width",
  ["soffice", "pdftotext"],
  () => {
    test.each([
      ["the seed, a figure for every second indicator", BUILTIN_RESOLUTION, 2, undefined],
      ["long texts, a figure for every indicator", LONG, 1, undefined],
      // The case: 40 indicators, three periods, no figure (it printed three blank pages).
      ["40 indicators, three periods, no figure", syntheticResolution(40, 7), 0, ["6t", "9t", "nam"] as const],
    ] as const)(
      "%s",
      async (_, r, every, periods) => {
        const dir = tempDir("chitieu-report-print-");
        const content = every > 0 ? writtenFile(r, figures(r, every)) : undefined;
        const plan = buildWorkbookPlan(r, { content, periods });
        const file = path.join(dir, "so.xlsx");
        writeFileSync(file, await writeXlsx(plan));
        const report = recalcToCsv([file], true).get(file)!.get("Báo cáo")!;
        const sentences = report.slice(3).map((row) => row[0] ?? "");
        const written = sentences.filter((t) => t !== "");
        // Every indicator without a figure is only counted: no empty row among the sentences.
        expect(sentences.slice(0, written.length)).toEqual(written);
        const n = periods?.length ?? 2;
        const withFigure = every > 0 ? Math.ceil(allIndicators(r).length / every) : 0;
        expect(written.length).toBe(n * (1 + r.sections.length) + n * withFigure);
        // The print area ends at the last sentence LibreOffice shows, and the note is not the warning.
        const sheet = plan.sheets.find((x) => x.name === "Báo cáo")!;
        expect(sheet.print.area).toBe(`A1:A${3 + written.length}`);
        expect(report[2]![0]).toMatch(/^Các câu dưới đây tự cập nhật/u);

        const pdf = printToPdf(file, dir);
        const { lines, width, height } = pdfBoxes(pdf);
        const footer = (l: PdfBox) => l.yMin > height - 0.5 * 72;
        const pages = new Set(lines.filter((l) => footer(l) && l.text.startsWith("Báo cáo")).map((l) => l.page));
        expect(pages.size).toBeGreaterThan(0);
        const body = lines.filter((l) => pages.has(l.page) && !footer(l) && l.yMin > 0.5 * 72);
        // Nothing past the printable width (xlsx.ts: 0,4 inch margins) or before it.
        const margin = 0.4 * 72;
        expect(body.filter((l) => l.xMax > width - margin + 0.5 || l.xMin < margin - 0.5).map((l) => l.text)).toEqual(
          [],
        );
        // Each sentence is printed whole (LibreOffice may wrap it; joined again without the breaks).
        const squeeze = (t: string) => t.replace(/\s+/gu, "");
        const printed = squeeze(
          [...body]
            .sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin)
            .map((l) => l.text)
            .join(""),
        );
        expect(written.filter((t) => !printed.includes(squeeze(t)))).toEqual([]);
        // Each row is tall enough for its sentence: no printed line runs into the next.
        const overlaps: string[] = [];
        for (const p of pages) {
          const on = body.filter((l) => l.page === p).sort((x, y) => x.yMin - y.yMin);
          for (let i = 1; i < on.length; i++)
            // Lines of one wrapped cell touch (their boxes share about 2 pt); a row too short overlaps by most of a line.
            if (on[i]!.yMin < on[i - 1]!.yMax - 0.4 * (on[i - 1]!.yMax - on[i - 1]!.yMin))
              overlaps.push(`${on[i - 1]!.text} ↓ ${on[i]!.text}`);
        }
        expect(overlaps).toEqual([]);
        // No blank row: between two printed sentence lines there is never room for another, and every page
        // has sentences. (The note's row above them is tall enough for the warning it may turn into.)
        const note = body.find((l) => l.text.startsWith("Các câu dưới đây"))!;
        const gaps: string[] = [];
        for (const p of pages) {
          const on = body
            .filter((l) => l.page === p && !(p === note.page && l.yMin <= note.yMax))
            .sort((x, y) => x.yMin - y.yMin);
          expect(on.length).toBeGreaterThan(0);
          for (let i = 1; i < on.length; i++) {
            const line = on[i - 1]!.yMax - on[i - 1]!.yMin;
            if (on[i]!.yMin - on[i - 1]!.yMax > 0.9 * line) gaps.push(`${on[i - 1]!.text} ↓ ${on[i]!.text}`);
          }
        }
        expect(gaps).toEqual([]);
        // The last printed line ends the last sentence: nothing printed after it.
        const lastPage = Math.max(...pages);
        const tail = body.filter((l) => l.page === lastPage).sort((x, y) => x.yMin - y.yMin);
        expect(squeeze(written.at(-1)!).endsWith(squeeze(tail.at(-1)!.text))).toBe(true);
      },
      240_000,
    );

    test("a figure typed later without the add-in: the note says the print area holds fewer sentences, and how to mend it", async () => {
      const dir = tempDir("chitieu-report-stale-");
      const r = BUILTIN_RESOLUTION;
      const base = path.join(dir, "base.xlsx");
      writeFileSync(base, await writeXlsx(buildWorkbookPlan(r, { content: writtenFile(r, figures(r, 2)) })));
      // Staff type the year's figure of an indicator that had none, in a spreadsheet without the add-in.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(base);
      const ws = wb.getWorksheet("Theo dõi")!;
      const { colOf, rowOf } = trackingAddresses(ws);
      // (A count, not a percentage: a percent cell holds 0,9 for 90%.)
      const blank = allIndicators(r).find((i, k) => k % 2 === 1 && i.target.op === "gte" && i.unit !== "%")!;
      ws.getCell(rowOf.get(blank.id)!, colOf.get(periodKey("actual", "nam"))!).value = (
        blank.target as { value: number }
      ).value;
      const edited = path.join(dir, "edited.xlsx");
      await wb.xlsx.writeFile(edited);

      const books = recalcToCsv([base, edited], true);
      const count = (f: string) =>
        books
          .get(f)!
          .get("Báo cáo")!
          .slice(3)
          .filter((row) => (row[0] ?? "") !== "").length;
      const n = count(base);
      expect(count(edited)).toBe(n + 1);
      expect(books.get(base)!.get("Báo cáo")![2]![0]).toMatch(/^Các câu dưới đây tự cập nhật/u);
      expect(books.get(edited)!.get("Báo cáo")![2]![0]).toBe(
        `Số liệu đã đổi: nay có ${n + 1} câu, vùng in có ${n} câu. Hãy chèn lại sổ bằng bổ trợ Chỉ tiêu ` +
          `(số liệu được giữ nguyên) hoặc đặt vùng in A1:A${n + 4} trước khi in.`,
      );
    }, 240_000);
  },
);
