import fc from "fast-check";
import JSZip from "jszip";
import { docxText } from "../../src/core/docx";
import { ResolutionTextError, parseResolution } from "../../src/core/parser";
import { pdfText } from "../../src/core/pdf";
import { makePdf } from "../helpers/pdf";

/**
 * Whatever arrives, the reader returns a reading or refuses with ResolutionTextError and a Vietnamese
 * message; never another error (a crash, a stack overflow, an English message from a library).
 * 10,000 cases in all: 6,000 texts, 3,000 .docx files, 1,000 PDFs.
 */
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/iu;
const ENGLISH = /\b(?:Error|undefined|null|NaN|Cannot|Invalid|Maximum|Unexpected|TypeError|RangeError)\b/u;

async function readsOrRefuses(read: () => Promise<unknown> | unknown) {
  try {
    await read();
  } catch (e) {
    if (!(e instanceof ResolutionTextError)) throw e;
    expect(e.message).toMatch(VIETNAMESE);
    expect(e.message).not.toMatch(ENGLISH);
    expect(e.message).toBe(e.message.normalize("NFC"));
  }
}

const readText = (text: string) => readsOrRefuses(() => parseResolution(text));
const readDocx = (bytes: Uint8Array) => readsOrRefuses(async () => parseResolution(await docxText(bytes)));
const readPdf = (bytes: Uint8Array) => readsOrRefuses(async () => parseResolution(await pdfText(bytes)));

/** Pieces of resolutions and of what breaks readers: markers, figures, separators, odd characters. */
const PIECES = [
  "I.",
  "II -",
  "A.",
  "PHẦN I",
  "1.",
  "1.1.",
  "(2)",
  "a)",
  "- ",
  "+ ",
  "• ",
  "* Về kinh tế: (11 chỉ tiêu)",
  "Thu ngân sách",
  "đạt 98%",
  "27 625 triệu đồng",
  "27.625",
  "0,6‰",
  "từ 3-5 đảng viên",
  "không quá",
  "trở lên",
  "trong đó",
  "so với năm 2020",
  "(lúa 540 ha, rau 70 ha)",
  "“Công nghiệp - xây dựng 596 tỷ đồng, chiếm 50,3%”",
  "Nơi nhận:",
  "NGHỊ QUYẾT",
  "Đảng bộ phường Trần\nPhú",
  "05:13 22/02/2021",
  ":",
  ";",
  ",",
  ".",
  "(",
  ")",
  '"',
  "“",
  "  ",
  "\n",
  "\n\n",
  "\t",
  "\u2028",
  "\u000b",
  "\u2011",
  "\uff15",
  "\u00a0",
  "\u200b",
  "\ufffd",
  "\ud800",
];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(" "));

describe("fuzz: any input is read or refused in Vietnamese", () => {
  test("6,000 texts: random characters, and resolution pieces in random order", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: "binary", maxLength: 300 }), readText), { numRuns: 2000 });
    await fc.assert(fc.asyncProperty(pieceText, readText), { numRuns: 4000 });
  }, 120_000);

  test("one line of 150,000 clauses with a target each (3.6 MB) is read, not a stack overflow", () => {
    const r = parseResolution(`I. KINH TẾ\n1. ${"Tỷ lệ hộ nghèo dưới 5%, ".repeat(150_000)}`);
    expect(r.sections[0]!.indicators).toHaveLength(150_000);
  }, 120_000);

  test("3,000 .docx files: random bytes, random XML parts, random numbering", async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const tag = fc.constantFrom(
      "<w:p>",
      "</w:p>",
      "<w:p/>",
      "<w:r>",
      "</w:r>",
      "<w:t>",
      "</w:t>",
      "<w:tbl>",
      "</w:tbl>",
      "<w:tr>",
      "</w:tr>",
      "<w:tc>",
      "</w:tc>",
      "<w:br/>",
      "<w:tab/>",
      "<w:noBreakHyphen/>",
      "<w:pPr>",
      "</w:pPr>",
      '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>',
      '<w:ilvl w:val="9"/>',
      '<w:pStyle w:val="S1"/>',
      "<mc:AlternateContent>",
      "<mc:Choice>",
      "</mc:Choice>",
      "<mc:Fallback>",
      "</mc:AlternateContent>",
      "<w:txbxContent>",
      "&#x110000;",
      "&amp;",
      "&#",
      "<!--",
      "<![CDATA[",
      "<",
      ">",
      "1. Tỷ lệ 5%",
      "I. KINH TẾ",
    );
    const value = fc.oneof(
      { arbitrary: fc.constant("0"), weight: 3 },
      fc.constantFrom("1", "8", "9", "-1", "1e12", "4294967295", "32767", "32768", "x", ""),
      fc.integer().map(String),
    );
    const junk = fc.array(fc.oneof(tag, fc.string({ maxLength: 20 })), { maxLength: 6 }).map((t) => t.join(""));
    // Mostly well-formed paragraphs (so numbering is reached), with junk between and inside them.
    const paragraph = fc
      .record({
        ilvl: value,
        numId: fc.constantFrom("1", "0", "2", "x"),
        style: fc.boolean(),
        text: fc.string({ maxLength: 30 }),
        junk,
      })
      .map(
        ({ ilvl, numId, style, text, junk }) =>
          `<w:p><w:pPr>${style ? '<w:pStyle w:val="S1"/>' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`}</w:pPr>${junk}<w:r><w:t>${text.replace(/[<&]/gu, "")}</w:t></w:r></w:p>`,
      );
    const xml = fc.array(fc.oneof(paragraph, junk), { maxLength: 12 }).map((t) => t.join(""));
    const numbering = fc
      .record({
        start: value,
        ilvl: value,
        fmt: fc.constantFrom("decimal", "upperRoman", "lowerLetter", "bullet", "custom", "none", "?"),
        link: fc.boolean(),
      })
      .map(
        ({ start, ilvl, fmt, link }) =>
          `<w:numbering ${W}><w:abstractNum w:abstractNumId="0">${link ? '<w:numStyleLink w:val="S1"/>' : ""}<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
      );
    const styles = fc
      .constantFrom("S1", "S2")
      .map(
        (based) =>
          `<w:styles ${W}><w:style w:type="paragraph" w:styleId="S1"><w:basedOn w:val="${based}"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="numbering" w:styleId="S2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`,
      );
    const docx = fc.record({ body: xml, numbering, styles }).map(async ({ body, numbering, styles }) => {
      const zip = new JSZip();
      zip.file("word/document.xml", `<w:document ${W}><w:body>${body}</w:body></w:document>`);
      zip.file("word/numbering.xml", numbering);
      zip.file("word/styles.xml", styles);
      return zip.generateAsync({ type: "uint8array" });
    });
    await fc.assert(
      fc.asyncProperty(docx, async (bytes) => readDocx(await bytes)),
      { numRuns: 2500 },
    );
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), readDocx), { numRuns: 250 });
    // A zip's header followed by random bytes.
    const zipLike = fc.uint8Array({ maxLength: 400 }).map((b) => new Uint8Array([80, 75, 3, 4, ...b]));
    await fc.assert(fc.asyncProperty(zipLike, readDocx), { numRuns: 250 });
  }, 180_000);

  test("1,000 PDFs: random page trees, counts, references, content streams and bytes", async () => {
    const line = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/gu, "?"));
    const page = fc.option(fc.array(line, { maxLength: 5 }), { freq: 4 });
    const ref = fc.oneof(
      fc.integer({ min: -2, max: 12 }).map((n) => `${n} 0 R`),
      fc.constantFrom("null", "[]", "<<>>"),
    );
    const raw = fc.record(
      {
        pages: fc.oneof(
          fc
            .tuple(
              fc.array(ref, { maxLength: 6 }),
              fc.oneof(fc.integer().map(String), fc.constantFrom("50000", "-1", "x")),
            )
            .map(([kids, count]) => `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${count} >>`),
          fc.constantFrom("<< /Type /Pages /Kids 2 0 R /Count 1 >>", "<< /Type /Pages >>", "null"),
        ),
        catalog: fc.constantFrom("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Catalog /Pages 99 0 R >>", "<< >>"),
        font: fc.constantFrom(
          "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
          "<< /Type /Font /Subtype /TrueType /FontFile2 1 0 R >>",
          "<< >>",
        ),
        extra: fc.array(
          fc.constantFrom(
            "<< /Length 5 >>\nstream\nBT ET\nendstream",
            "(unclosed",
            "<< /Length -1 >>\nstream\nendstream",
            "[ 1 0 R ]",
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    );
    const pdf = fc.record({
      pages: fc.array(page, { maxLength: 4 }),
      raw,
      count: fc.option(fc.constantFrom("0", "2", "600")),
    });
    await fc.assert(
      fc.asyncProperty(pdf, ({ pages, raw, count }) => readPdf(makePdf({ pages, raw, ...(count ? { count } : {}) }))),
      { numRuns: 800 },
    );
    const pdfLike = fc
      .uint8Array({ maxLength: 300 })
      .map((b) => new Uint8Array([37, 80, 68, 70, 45, 49, 46, 52, 10, ...b]));
    await fc.assert(fc.asyncProperty(pdfLike, readPdf), { numRuns: 200 });
  }, 180_000);
});
