import JSZip from "jszip";
import { docxText } from "../../src/core/docx";
import { ResolutionTextError, parseResolution } from "../../src/core/parser";
import { makeRawDocx, runs } from "../helpers/docx";
import { reading } from "../helpers/seed";

/** Each Word feature: a .docx built part by part, and the plain text a person reads in Word. */
async function readsAsTwin(parts: Parameters<typeof makeRawDocx>[0], twin: string) {
  const text = await docxText(await makeRawDocx(parts));
  expect(text).toBe(twin);
  expect(reading(parseResolution(text))).toEqual(reading(parseResolution(twin)));
}

const p = (inner: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${inner}</w:p>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const num = (numId: number, abstractId: number, inner = "") =>
  `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${inner}</w:num>`;

describe("Word features read as people see them", () => {
  test("numbering from paragraph styles, basedOn chains and a list style (numStyleLink)", async () => {
    const styles = [
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>`,
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`,
      `<w:style w:type="paragraph" w:styleId="ListNumber"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:tabs><w:tab w:val="left" w:pos="360"/></w:tabs></w:pPr></w:style>`,
      // Based on a numbered style, with only its own level: the number comes through the chain.
      `<w:style w:type="paragraph" w:styleId="ChiTieu"><w:basedOn w:val="ListNumber"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>`,
      `<w:style w:type="paragraph" w:styleId="ListBullet"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>`,
      `<w:style w:type="numbering" w:styleId="DanhSachChiTieu"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>`,
    ].join("");
    const numbering = [
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "decimal", "%1.")}${lvl(1, "lowerLetter", "%2)")}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "upperRoman", "%1.")}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="2">${lvl(0, "bullet", "\uf0b7")}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="DanhSachChiTieu"/></w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="4"><w:styleLink w:val="DanhSachChiTieu"/>${lvl(0, "decimal", "%1.")}</w:abstractNum>`,
      num(1, 0),
      num(2, 1),
      num(3, 2),
      num(4, 3),
      num(5, 4),
    ].join("");
    const body = [
      p(runs("CHỈ TIÊU KINH TẾ"), style("Heading1")),
      p(runs("Thu ngân sách trên địa bàn đạt 120% dự toán"), style("ListNumber")),
      p(runs("Tổng giá trị sản xuất:"), style("ListNumber")),
      p(runs("Nông nghiệp tăng 3%/năm"), style("ChiTieu")),
      p(runs("Dịch vụ tăng 9%/năm"), style("ChiTieu")),
      p(runs("Thu nhập bình quân đầu người đạt 75 triệu đồng/năm"), style("ListBullet")),
      p(runs("CHỈ TIÊU XÃ HỘI"), style("Heading1")),
      // The paragraph names the list that links to the list style; the levels are the style's.
      p(runs("Tỷ lệ hộ nghèo dưới 1%"), `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>`),
      p(
        runs("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi không quá 9%"),
        `<w:numPr><w:numId w:val="4"/></w:numPr>`,
      ),
      // numId 0 removes the style's numbering.
      p(runs("Ghi chú không đánh số"), `${style("ListNumber")}<w:numPr><w:numId w:val="0"/></w:numPr>`),
    ].join("");
    await readsAsTwin(
      { body, styles, numbering },
      [
        "I. CHỈ TIÊU KINH TẾ",
        "1. Thu ngân sách trên địa bàn đạt 120% dự toán",
        "2. Tổng giá trị sản xuất:",
        "a) Nông nghiệp tăng 3%/năm",
        "b) Dịch vụ tăng 9%/năm",
        "• Thu nhập bình quân đầu người đạt 75 triệu đồng/năm",
        "II. CHỈ TIÊU XÃ HỘI",
        "1. Tỷ lệ hộ nghèo dưới 1%",
        "2. Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi không quá 9%",
        "Ghi chú không đánh số",
      ].join("\n"),
    );
  });

  test("a list that restarts (startOverride) and Word 2010's custom 01, 02 format (first choice read)", async () => {
    const custom = `<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl>`;
    const numbering = [
      `<w:abstractNum w:abstractNumId="0">${custom}</w:abstractNum>`,
      num(1, 0),
      num(2, 0, `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>`),
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "upperRoman", "%1.")}</w:abstractNum>`,
      num(3, 1),
    ].join("");
    const n = (id: number) => `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${id}"/></w:numPr>`;
    const body = [
      p(runs("KINH TẾ"), n(3)),
      p(runs("Thu ngân sách đạt 27.625 triệu đồng"), n(1)),
      p(runs("Giải quyết việc làm cho 300 lao động"), n(1)),
      p(runs("XÃ HỘI"), n(3)),
      p(runs("Tỷ lệ hộ nghèo dưới 1%"), n(2)),
    ].join("");
    await readsAsTwin(
      { body, numbering },
      [
        "I. KINH TẾ",
        "01. Thu ngân sách đạt 27.625 triệu đồng",
        "02. Giải quyết việc làm cho 300 lao động",
        "II. XÃ HỘI",
        "01. Tỷ lệ hộ nghèo dưới 1%",
      ].join("\n"),
    );
  });

  test("non-breaking and soft hyphens, manual line breaks, carriage returns and tabs; tab stops are not tabs", async () => {
    const body = [
      p(runs("I. XÂY DỰNG ĐẢNG")),
      p(
        `<w:r><w:t xml:space="preserve">1. Kết nạp từ 3</w:t><w:noBreakHyphen/><w:t>5 đảng</w:t><w:softHyphen/><w:t xml:space="preserve">viên</w:t></w:r>`,
        `<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>`,
      ),
      // Two items in one paragraph, split by Shift+Enter.
      p(
        `${runs("2. 100% chi bộ xếp loại hoàn thành tốt nhiệm vụ trở lên")}<w:r><w:br/></w:r>${runs("3. Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 90%")}<w:r><w:cr/></w:r>${runs("4. Tổ chức")}<w:r><w:tab/></w:r>${runs("ít nhất 02 hội nghị chuyên đề")}`,
      ),
    ].join("");
    await readsAsTwin(
      { body },
      [
        "I. XÂY DỰNG ĐẢNG",
        "1. Kết nạp từ 3-5 đảngviên",
        "2. 100% chi bộ xếp loại hoàn thành tốt nhiệm vụ trở lên",
        "3. Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 90%",
        "4. Tổ chức\tít nhất 02 hội nghị chuyên đề",
      ].join("\n"),
    );
  });

  test("a text box inside a paragraph is read once (mc:Choice, not its mc:Fallback) and does not cut the paragraph", async () => {
    const box = (text: string) => `<w:txbxContent>${p(runs(text))}</w:txbxContent>`;
    const alternate = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box("II. CHỈ TIÊU XÃ HỘI")}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box("II. CHỈ TIÊU XÃ HỘI")}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = [
      p(runs("I. CHỈ TIÊU KINH TẾ")),
      p(`${runs("1. Thu ngân sách trên địa bàn ")}${alternate}${runs("đạt 110% dự toán")}`),
      p(runs("1. Tỷ lệ hộ nghèo dưới 1,5%")),
    ].join("");
    await readsAsTwin(
      { body },
      [
        "I. CHỈ TIÊU KINH TẾ",
        "1. Thu ngân sách trên địa bàn đạt 110% dự toán",
        "II. CHỈ TIÊU XÃ HỘI",
        "1. Tỷ lệ hộ nghèo dưới 1,5%",
      ].join("\n"),
    );
  });

  test("a table of targets: one row per indicator, the unit column after the figure, header rows not read", async () => {
    const tc = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr>${p(runs(text))}</w:tc>`;
    const tr = (...cells: string[]) => `<w:tr>${cells.map(tc).join("")}</w:tr>`;
    const table = `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${[
      tr("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2026"),
      tr("I", "KINH TẾ", "", ""),
      tr("1", "Thu ngân sách nhà nước", "triệu đồng", "27.625"),
      tr("2", "Tốc độ tăng giá trị sản xuất", "%", "8,5"),
      tr("II", "XÃ HỘI", "", ""),
      tr("1", "Tỷ lệ hộ nghèo", "%", "dưới 1"),
      tr("2", "Tỷ lệ tham gia bảo hiểm y tế", "%", "từ 95 trở lên"),
    ].join("")}</w:tbl>`;
    await readsAsTwin(
      { body: `${p(runs("CÁC CHỈ TIÊU NĂM 2026"))}${table}${p(runs("Nơi nhận:"))}` },
      [
        "CÁC CHỈ TIÊU NĂM 2026",
        "I. KINH TẾ",
        "1. Thu ngân sách nhà nước: 27.625 triệu đồng",
        "2. Tốc độ tăng giá trị sản xuất: 8,5%",
        "II. XÃ HỘI",
        "1. Tỷ lệ hộ nghèo: dưới 1%",
        "2. Tỷ lệ tham gia bảo hiểm y tế: từ 95% trở lên",
        "Nơi nhận:",
      ].join("\n"),
    );
  });

  test("a field shows its result, not its code; deleted revisions are not read, inserted ones are", async () => {
    const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SEQ ChiTieu \\* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body = [
      p(runs("I. KINH TẾ")),
      p(
        `<w:fldSimple w:instr=" SEQ ChiTieu "><w:r><w:t>1</w:t></w:r></w:fldSimple>${runs(". Giá trị sản xuất tăng 7%/năm")}`,
      ),
      p(
        `${field}${runs(". Thu ngân sách đạt ")}<w:del w:id="1"><w:r><w:delText>100</w:delText></w:r></w:del><w:ins w:id="2">${runs("105")}</w:ins>${runs("% dự toán")}`,
      ),
    ].join("");
    await readsAsTwin(
      { body },
      ["I. KINH TẾ", "1. Giá trị sản xuất tăng 7%/năm", "2. Thu ngân sách đạt 105% dự toán"].join("\n"),
    );
  });

  test("character references and hyphen look-alikes in the XML read as plain text", async () => {
    const body = [
      p(runs("I. XÂY DỰNG ĐẢNG")),
      p(`<w:r><w:t>1. Kết nạp &#x2011;&#8203;từ 3&#x2011;5 đảng viên &amp; quần chúng</w:t></w:r>`),
    ].join("");
    const text = await docxText(await makeRawDocx({ body }));
    expect(reading(parseResolution(text))).toEqual(
      reading(parseResolution("I. XÂY DỰNG ĐẢNG\n1. Kết nạp -từ 3-5 đảng viên & quần chúng")),
    );
  });
});

describe("Word files that would hang or crash are refused in Vietnamese", () => {
  const numbered = (numbering: string, numPr = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`) =>
    makeRawDocx({ body: p(runs("Thu ngân sách đạt 100% dự toán"), numPr), numbering });

  test("a numbering start of 1e12 or a level of 4294967295", async () => {
    const big = await numbered(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "upperRoman", "%1.").replace('w:start w:val="1"', 'w:start w:val="1e12"')}</w:abstractNum>${num(1, 0)}`,
    );
    await expect(docxText(big)).rejects.toThrow(ResolutionTextError);
    await expect(docxText(big)).rejects.toThrow(/số bắt đầu của danh sách "1e12" không hợp lệ/u);
    const deep = await numbered(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "decimal", "%1.")}</w:abstractNum>${num(1, 0)}`,
      `<w:numPr><w:ilvl w:val="4294967295"/><w:numId w:val="1"/></w:numPr>`,
    );
    await expect(docxText(deep)).rejects.toThrow(/cấp danh sách "4294967295" không hợp lệ/u);
  });

  test("a character reference outside Unicode reads as a replacement character", async () => {
    const text = await docxText(
      await makeRawDocx({ body: p(`<w:r><w:t>1. A &#x110000; &#99999999999; 5%</w:t></w:r>`) }),
    );
    expect(text).toBe("1. A \ufffd &#99999999999; 5%");
  });

  test("a part that inflates beyond the cap (a zip bomb) is refused before it is read", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", " ".repeat(65_000_000));
    const bomb = await zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 1 },
    });
    expect(bomb.length).toBeLessThan(1_000_000);
    await expect(docxText(bomb)).rejects.toThrow(/word\/document\.xml khi giải nén lớn hơn 64 MB/u);
  });

  test("unclosed and stray tags end without a crash", async () => {
    const text = await docxText(
      await makeRawDocx({
        body: `</w:tc></w:p><w:p><w:r><w:t>1. Tỷ lệ 5%</w:t>${"<w:p><w:tbl><w:tc>".repeat(20_000)}`,
      }),
    );
    expect(text.split("\n")[0]).toBe("1. Tỷ lệ 5%");
  });
});
