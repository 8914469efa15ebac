import ExcelJS from "exceljs";
import { writeFileSync } from "fs";
import * as path from "path";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { allIndicators, type Resolution } from "../../src/core/model";
import { eachCellOf } from "../../src/workbook/layout";
import { buildWorkbookPlan, type CellStyle, type SheetPlan } from "../../src/workbook/plan";
import { FONT, LINE_HEIGHT, pageBands } from "../../src/workbook/sheet-plan";
import { writeXlsx } from "../../src/workbook/xlsx";
import { describeWithTools, pdfBoxes, printToPdf, recalcToCsv, tempDir, type PdfBox } from "../helpers/tools";
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
      ["the seed, a figure for every second indicator", BUILTIN_RESOLUTION, 2],
      ["long texts, a figure for every indicator", LONG, 1],
    ] as const)(
      "%s",
      async (_, r, every) => {
        const dir = tempDir("chitieu-report-print-");
        const plan = buildWorkbookPlan(r, { content: writtenFile(r, figures(r, every)) });
        const file = path.join(dir, "so.xlsx");
        writeFileSync(file, await writeXlsx(plan));
        const sentences = recalcToCsv([file], true)
          .get(file)!
          .get("Báo cáo")!
          .slice(3)
          .map((row) => row[0] ?? "");
        const written = sentences.filter((t) => t !== "");
        // Every indicator without a figure is only counted: no empty row among the sentences.
        expect(sentences.slice(0, written.length)).toEqual(written);
        expect(written.length).toBe(2 * (1 + r.sections.length) + 2 * Math.ceil(allIndicators(r).length / every));

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
      },
      240_000,
    );
  },
);
