import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { allIndicators, type Resolution } from "../../src/core/model";
import { eachCellOf } from "../../src/workbook/layout";
import { buildWorkbookPlan, type CellStyle, type SheetPlan } from "../../src/workbook/plan";
import { FONT, LINE_HEIGHT, pageBands } from "../../src/workbook/sheet-plan";
import { writeXlsx } from "../../src/workbook/xlsx";
import { describeWithTools, recalcToCsv, tempDir } from "../helpers/tools";
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
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${tempDir("lo-profile-")}`,
      "--headless",
      "--convert-to",
      "pdf",
      src,
      "--outdir",
      dir,
    ],
    { stdio: "pipe", timeout: 180_000 },
  );
  const xml = execFileSync("pdftotext", ["-bbox-layout", path.join(dir, "m.pdf"), "-"], { encoding: "utf8" });
  const pages = xml.split("<page ").slice(1);
  expect(pages.length).toBe(items.length);
  const tops = pages.map((pg) => [
    ...new Set([...pg.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"/g)].map((m) => m[1])),
  ]);
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
    expect(b.header.right).toBe("In ngày &D");
    expect(b.footer).toEqual({ left: "&A", center: "Trang &P / &N", right: "" });
    for (const sheet of buildWorkbookPlan(BUILTIN_RESOLUTION).sheets)
      expect(sheet.print.header.center).toBe(BUILTIN_RESOLUTION.title.slice(0, 90).replace(/&/g, "&&"));
  });
});

/** A figure on the target itself for every indicator, in every period: every sentence is written. */
function everyFigure(r: Resolution) {
  const figures = Object.fromEntries(
    allIndicators(r).map((i) => {
      const t = i.target;
      return [i.id, "level" in t ? t.level : "min" in t ? t.min : "value" in t ? t.value : "Đạt"];
    }),
  );
  return { periods: { "6t": figures, nam: figures }, estimates: ["nam" as const] };
}

describeWithTools("the Báo cáo sentences fit their rows once calculated", ["soffice", "pdftotext"], () => {
  test("every sentence LibreOffice writes into column A is no taller than its row", async () => {
    const dir = tempDir("chitieu-report-heights-");
    const items: Measured[] = [];
    const plans: SheetPlan[] = [];
    for (const [k, r] of [BUILTIN_RESOLUTION, LONG].entries()) {
      const plan = buildWorkbookPlan(r, { content: writtenFile(r, everyFigure(r)) });
      const file = path.join(dir, `r${k}.xlsx`);
      writeFileSync(file, await writeXlsx(plan));
      const report = plan.sheets.find((s) => s.name === "Báo cáo")!;
      plans.push(report);
      const rows = recalcToCsv([file], true).get(file)!.get("Báo cáo")!;
      rows.forEach((cells, i) => {
        const text = cells[0] ?? "";
        if (i >= 3 && text !== "")
          items.push({
            sheet: `r${k}`,
            row: i + 1,
            col: 1,
            text,
            size: 12,
            bold: false,
            width: report.columns[0]!.width,
          });
      });
    }
    expect(items.length).toBeGreaterThan(100);
    const { lines, pitch } = await linesByLibreOffice(items);
    const tooShort = items.flatMap((m, i) => {
      const heights = plans[Number(m.sheet.slice(1))]!.rowHeights;
      const have = heights.find((h) => h.row === m.row)?.height ?? pitch + 2;
      const need = lines[i]! * pitch + 2;
      return have < need ? [`${m.sheet}!${m.row}: ${have} < ${need} “${m.text.slice(0, 50)}”`] : [];
    });
    expect(Math.max(...lines)).toBeGreaterThan(1);
    expect(tooShort).toEqual([]);
  }, 180_000);
});
