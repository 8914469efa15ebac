import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { makeDocx } from "../helpers/docx";

const LIST = path.join(__dirname, "../fixtures/assigned/giao-tinh.txt");
const LIST_LINES = readFileSync(LIST, "utf8").trim().split("\n");

const dir = mkdtempSync(path.join(tmpdir(), "chitieu-assigned-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

const ACTUALS = {
  "II.3.a": { "6t": 16000, nam: 31000 },
  "III.1": { "6t": 0.55, nam: 0.45 },
  "V.2": { "6t": 7, nam: 12 },
};

/** A province's assignment table as such decisions lay it out: STT, Chỉ tiêu, ĐVT, Kế hoạch năm. */
async function table(rows: [string, string, string | number, string?][], header = "Kế hoạch năm 2022") {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục");
  ws.addRow(["PHỤ LỤC: CHỈ TIÊU GIAO NĂM 2022"]);
  ws.addRow(["STT", "Chỉ tiêu", "ĐVT", header]);
  rows.forEach(([text, unit, target, fmt], k) => {
    const r = ws.addRow([k + 1, text, unit, target]);
    if (fmt) r.getCell(4).numFmt = fmt;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("chitieu … --assigned <list>", () => {
  test("matches by identity, lists an unsure pair, makes an extra indicator; evaluate adds assigned", async () => {
    const actuals = file("a.json", JSON.stringify({ ...ACTUALS, $assignedBy: "tỉnh" }));
    const { code, out, err } = await cli(["evaluate", "--actuals", actuals, "--assigned", LIST]);
    expect(code).toBe(0);
    expect(err).toContain("Chỉ tiêu tỉnh giao");
    expect(err).toContain("[1] “Thu ngân sách trên địa bàn” (30 tỷ đồng) → II.3.a “Thu ngân sách”");
    expect(err).toContain("[4] “Xếp hạng cải cách hành chính toàn thành phố” (thứ 10 trở lên) → V.2");
    expect(err).toMatch(/chưa đưa vào 1 cặp[^\n]*\n {2}- \[9\] [^\n]*→ II\.5 [^\n]*khác ở “mặt”/u);
    expect(err).toMatch(/Chỉ tiêu tỉnh giao khác”:\n {2}- “Số doanh nghiệp thành lập mới” \(15 doanh nghiệp\)/u);
    const got = JSON.parse(out);
    expect(got["II.3.a"].assigned["6t"]).toEqual({ status: "Vượt", ratio: expect.closeTo(16000 / 30000, 12) });
    expect(got["V.2"].assigned).toEqual({
      "6t": { status: "Vượt", ratio: null },
      nam: { status: "Không đạt", ratio: null },
    });
    expect(got["V.2"].final).toBe("Không đạt");
    expect(got["II.5"].assigned).toBeUndefined();
    expect(got["GX.1"].assigned.nam.status).toBe("Chưa có số liệu");
  });

  test("--assigned-match confirms the unsure pair; report prints the assigned sentence", async () => {
    const actuals = file("b.json", JSON.stringify({ ...ACTUALS, "II.5": { nam: 99 } }));
    const args = ["report", "--actuals", actuals, "--assigned", LIST, "--assigned-by", "tỉnh"];
    const { code, out, err } = await cli([...args, "--assigned-match", "9=II.5"]);
    expect(code).toBe(0);
    expect(err).toContain("[9] “Tỷ lệ đường giao thông được thảm nhựa” (100%) → II.5");
    const lines = out.trim().split("\n");
    // Year: money Vượt, poverty Đạt, rank Không đạt, roads 99% < 100% within 5% Cơ bản đạt; 5 without figures.
    expect(lines[1]).toBe(
      "Về chỉ tiêu tỉnh giao: có 2/9 chỉ tiêu đạt và vượt (vượt 1, đạt 1), 1 chỉ tiêu cơ bản đạt, 1 chỉ tiêu không đạt, 5 chỉ tiêu chưa có số liệu.",
    );
    expect(lines).toContain(
      "Tỷ lệ đường giao thông mặt đường thảm nhựa: 99%, đạt 101% chỉ tiêu nghị quyết, 99% kế hoạch tỉnh giao (Vượt).",
    );
    const bad = await cli([...args, "--assigned-match", "9-II.5"]);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining("--assigned-match")]);
  });

  test("an .xlsx table: the name and target columns found by their headers, bare numbers take the unit", async () => {
    const xlsx = file(
      "giao.xlsx",
      await table([
        ["Thu ngân sách trên địa bàn", "tỷ đồng", 30],
        ["Tỷ lệ người dân tham gia BHYT", "%", 0.95, "0%"],
        ["Tỷ lệ hộ nghèo cuối năm", "%", "dưới 0,5"],
        ["Số doanh nghiệp thành lập mới", "doanh nghiệp", 15],
      ]),
    );
    const actuals = file("c.json", JSON.stringify(ACTUALS));
    const { code, out, err } = await cli(["evaluate", "--actuals", actuals, "--assigned", xlsx]);
    expect(err).toContain("4 chỉ tiêu, khớp 3");
    expect(err).toContain("(30 tỷ đồng) → II.3.a");
    expect(err).toContain("(95%) → III.2");
    expect(err).toContain("(dưới 0,5%) → III.1");
    expect(code).toBe(0);
    const got = JSON.parse(out);
    expect(got["III.1"].assigned.nam.status).toBe("Đạt");
    expect(got["GX.1"]).toBeDefined();
  });

  test("a Word .docx list (Word's own numbering) is read by the document reader and matched alike", async () => {
    const lines = LIST_LINES.slice(1).map((l) => l.replace(/^\d+\.\s*/u, ""));
    const docx = file(
      "giao.docx",
      Buffer.from(
        await makeDocx([{ text: LIST_LINES[0]! }, ...lines.map((text) => ({ text, list: "decimal" as const }))]),
      ),
    );
    const actuals = file("e.json", JSON.stringify(ACTUALS));
    const { code, err } = await cli(["evaluate", "--actuals", actuals, "--assigned", docx, "--assigned-by", "tỉnh"]);
    expect(code).toBe(0);
    expect(err).toContain("Chỉ tiêu tỉnh giao (Tệp chỉ tiêu giao");
    expect(err).toContain("9 chỉ tiêu, khớp 7.");
    expect(err).toContain("[7] “Tỷ suất sinh” (không quá 12‰) → III.3.a “Tỷ suất sinh”");
  });

  test("a table without the columns, and a phrase of another unit, are refused in Vietnamese", async () => {
    const actuals = file("d.json", JSON.stringify(ACTUALS));
    const noCols = file("x.xlsx", await table([["Thu ngân sách", "tỷ đồng", 30]], "Ghi chú"));
    const a = await cli(["evaluate", "--actuals", actuals, "--assigned", noCols]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/không có bảng chỉ tiêu giao: cần một dòng tiêu đề có cột “Chỉ tiêu”/u);
    // Another unit is another indicator by the identity rule; confirmed onto it anyway, it is refused.
    const wrongUnit = file("y.txt", "1. Tỷ lệ hộ nghèo: 15 hộ.\n");
    const extra = await cli(["evaluate", "--actuals", actuals, "--assigned", wrongUnit]);
    expect(extra.code).toBe(0);
    expect(extra.err).toContain("khác”:\n  - “Tỷ lệ hộ nghèo” (15 hộ)");
    const b = await cli(["evaluate", "--actuals", actuals, "--assigned", wrongUnit, "--assigned-match", "1=III.1"]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/III\.1: Chỉ tiêu giao “15 hộ” tính bằng “hộ”, khác đơn vị/u);
    const missing = await cli(["evaluate", "--actuals", actuals, "--assigned", path.join(dir, "none.txt")]);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining("Không tìm thấy tệp chỉ tiêu giao")]);
  });
});
