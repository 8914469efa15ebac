import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { HEADER_ROW, colIndex, colLetter, periodKey, sheetLayout } from "../../src/workbook/layout";
import { parseResolution } from "../../src/core/parser";
import { CELL_MAX } from "../../src/core/text";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { MAX_ROW_HEIGHT } from "../../src/workbook/sheet-plan";
import { writeXlsx } from "../../src/workbook/xlsx";
import { syntheticResolution } from "../../support/synthetic";

/** Each worksheet's XML, by part name. */
async function sheetsXml(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(n));
  return Promise.all(names.map((n) => zip.file(n)!.async("string")));
}

describe("the .xlsx as Excel's own formats would have it", () => {
  test("no shared formula holds an array constant or another sheet's cells; the others are still shared", async () => {
    const res = syntheticResolution(60, 3);
    const xml = (await sheetsXml(await writeXlsx(buildWorkbookPlan(res, { periods: ["6t", "nam"] })))).join("");
    const shared = [...xml.matchAll(/<f t="shared"[^>]*ref="[^"]*"[^>]*>([^<]*)<\/f>/gu)].map((m) => m[1]!);
    expect(shared.length).toBeGreaterThanOrEqual(4);
    expect(shared.filter((f) => /[{!]/u.test(f))).toEqual([]);
    // The report's formulas (another sheet's cells) are written in full, cell by cell.
    expect(xml).toMatch(/<f>[^<]*&apos;Theo dõi&apos;!|<f>[^<]*'Theo dõi'!/u);
  });

  test("a 40,000-character clause with U+FFFF: warned about by line, cut to a cell, rows no taller than 409 pt", async () => {
    const long = `${"nâng cao chất lượng hoạt động ".repeat(1400)}đạt 95%.`;
    const text = `NGHỊ QUYẾT\nI. KINH TẾ\n1. Thu ngân sách\uffff đạt 10 tỷ đồng.\n2. ${long}\n`;
    const res = parseResolution(text);
    expect(res.warnings.map((w) => [w.line, w.reason])).toEqual([
      [3, expect.stringMatching(/U\+FFFF/u)],
      [4, expect.stringMatching(/dài 4\d\.\d{3} ký tự.*32\.767.*đã cắt bớt/u)],
    ]);
    const [a, b] = res.sections[0]!.indicators;
    expect(a!.text).not.toMatch(/\uffff/u);
    expect(b!.text.length).toBe(CELL_MAX);
    expect(b!.text.endsWith("…")).toBe(true);
    const plan = buildWorkbookPlan(res);
    for (const s of plan.sheets) for (const h of s.rowHeights) expect(h.height).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    const xml = (await sheetsXml(await writeXlsx(plan))).join("");
    for (const m of xml.matchAll(/<row [^>]*ht="([\d.]+)"/gu)) expect(Number(m[1])).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    // eslint-disable-next-line no-control-regex -- what XML forbids must not reach the file.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/u);
  });

  test("no green triangles: STT as numbers, and the check columns marked as differing on purpose", async () => {
    const periods = ["6t", "nam"] as const;
    const layout = sheetLayout(periods);
    const plan = buildWorkbookPlan(BUILTIN_RESOLUTION, { periods });
    const [tracking] = await sheetsXml(await writeXlsx(plan));
    expect(XMLValidator.validate(tracking!)).toBe(true);
    const ignored = /<ignoredErrors><ignoredError sqref="([^"]+)" formula="1"\/><\/ignoredErrors>/u.exec(tracking!);
    const last = plan.sheets[0]!.rowCount;
    const col = (k: Parameters<typeof colIndex>[0]) => colLetter(colIndex(k, layout));
    expect(ignored?.[1]?.split(" ")).toEqual([
      ...periods.map((p) => `${col(periodKey("check", p))}${HEADER_ROW + 1}:${col(periodKey("check", p))}${last}`),
      `${col("reasonCheck")}${HEADER_ROW + 1}:${col("reasonCheck")}${last}`,
    ]);
    // After the page setup, as the schema orders a worksheet's parts.
    expect(tracking!.indexOf("<ignoredErrors")).toBeGreaterThan(tracking!.indexOf("<headerFooter"));
    // II.1's STT is the number 1 (no t="s" or t="str").
    const row = plan.rows.find((r) => r.id === "II.1")!.row;
    const stt = new RegExp(`<c r="${col("no")}${row}"[^>]*>`, "u").exec(tracking!)![0];
    expect(stt).not.toMatch(/t="/u);
  });
});
