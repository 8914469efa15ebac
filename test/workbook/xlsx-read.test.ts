import JSZip from "jszip";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { mergeContent, writtenContent } from "../../src/core/content";
import { CELL_JUNK } from "../../src/core/cell";
import { carryOver, describeLeftBehind } from "../../src/workbook/carry";
import { colIndex, colLetter, sheetLayout } from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { cachedResults, readTrackingXlsx } from "../../src/workbook/xlsx-read";
import { writeXlsx } from "../../src/workbook/xlsx";

const YEAR = sheetLayout(["nam"]);
const plan = buildWorkbookPlan(BUILTIN_RESOLUTION, {
  periods: ["nam"],
  content: mergeContent(
    writtenContent(BUILTIN_RESOLUTION, {
      nam: { "III.1": 0.5, "V.2": 4, "II.1": 80, "I.2.a": 4, "III.2": 99, "II.4": 16, "I.5": 95, "II.3.a": 27000 },
    }),
    { rows: { "II.4": { figures: {}, note: "ước" } } },
  ),
});
const rowOf = (id: string) => plan.rows.find((r) => r.id === id)!.row;
const ref = (id: string, key: "actual" | "note" = "actual") => `${colLetter(colIndex(key, YEAR))}${rowOf(id)}`;

/** The written workbook with some cells replaced by XML as Excel or LibreOffice save them. */
async function saved(cells: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await writeXlsx(plan));
  const path = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet1\.xml$/u.test(f))!;
  let xml = await zip.file(path)!.async("string");
  for (const [r, c] of Object.entries(cells)) {
    const re = new RegExp(`<c r="${r}"(?: [^>]*)?(?:/>|>[\\s\\S]*?</c>)`, "u");
    expect(xml).toMatch(re);
    // The cell keeps its style (its number format), as Excel keeps it when a formula is typed.
    const style = / s="\d+"/u.exec(re.exec(xml)![0])?.[0] ?? "";
    xml = xml.replace(re, c.replace("<c ", `<c r="${r}"${style} `));
  }
  zip.file(path, xml);
  return zip.generateAsync({ type: "uint8array" });
}

describe("reading what Excel and LibreOffice save (chitieu workbook --from)", () => {
  test("formula figures with a cached 0, FALSE, empty text or an error, shared formulas, inline and rich text", async () => {
    const bytes = await saved({
      // "=0*1" in Tỷ lệ hộ nghèo: zero, the usual value of a lower-is-better indicator.
      [ref("III.1")]: `<c ><f>0*1</f><v>0</v></c>`,
      [ref("V.2")]: `<c t="b"><f>1=2</f><v>0</v></c>`,
      [ref("II.1")]: `<c t="str"><f>""&amp;""</f><v></v></c>`,
      [ref("I.2.a")]: `<c t="e"><f>NA()</f><v>#N/A</v></c>`,
      // A shared formula over two rows, the clone's cached value 0.
      [ref("III.2")]: `<c ><f t="shared" ref="${ref("III.2")}:${ref("III.2")}" si="7">0.98+0</f><v>0.98</v></c>`,
      [ref("II.4")]: `<c t="inlineStr"><is><t>16 cơ sở</t></is></c>`,
      [ref("II.4", "note")]: `<c t="inlineStr"><is><r><t>ước </t></r><r><rPr><b/></rPr><t>tính</t></r></is></c>`,
    });
    const sheet = (await readTrackingXlsx(bytes))!;
    const carry = carryOver(BUILTIN_RESOLUTION, sheet);
    const year = (id: string) => carry.content.rows[id]?.figures.nam;
    expect(year("III.1")).toBe(0);
    expect(year("III.2")).toBe(0.98);
    expect(year("II.4")).toBe("16 cơ sở");
    expect(carry.content.rows["II.4"]?.note).toBe("ước tính");
    expect(year("V.2")).toBeUndefined();
    expect(year("II.1")).toBeUndefined();
    expect(carry.notices.map(describeLeftBehind)).toEqual([
      expect.stringMatching(/^Mã III\.1 .*: số liệu 0% — số liệu là công thức, đã chuyển giá trị 0%\.$/u),
      expect.stringMatching(/^Mã III\.2 .*: số liệu 98% — số liệu là công thức, đã chuyển giá trị 98%\.$/u),
    ]);
    const left = carry.leftBehind.map((l) => [l.id, l.what.join(), l.reason]);
    expect(left).toContainEqual(["V.2", "số liệu false", CELL_JUNK.logical]);
    expect(left).toContainEqual(["I.2.a", "số liệu #N/A", CELL_JUNK.error]);
  });

  test("cached results read from the XML: a number, a logical, text, an error, entities", () => {
    const xml =
      `<c r="A1"><f>0*1</f><v>0</v></c><c r="B1" t="b"><f>1=1</f><v>1</v></c>` +
      `<c r="C1" t="str"><f>"a&amp;b"</f><v>a&amp;b</v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
      `<c r="E1"><v>5</v></c><c r="F1" t="str"><f>""</f><v/></c>`;
    expect([...cachedResults(xml)]).toEqual([
      ["A1", 0],
      ["B1", true],
      ["C1", "a&b"],
      ["D1", "#DIV/0!"],
      ["F1", ""],
    ]);
  });
});
