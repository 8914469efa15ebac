import { parseResolution } from "../../src/core/parser";
import { MAX_PDF_PAGES, SCANNED_PDF, pdfText } from "../../src/core/pdf";
import { makePdf } from "../helpers/pdf";
import { reading } from "../helpers/seed";

const LINES = ["I. KINH TE", "1. Thu ngan sach dat 120% du toan", "2. Ty le ho ngheo duoi 1%"];

describe("PDF files a resolution never is", () => {
  test("a small text PDF reads as its text", async () => {
    const text = await pdfText(makePdf({ pages: [LINES] }));
    expect(reading(parseResolution(text))).toEqual(reading(parseResolution(LINES.join("\n"))));
  });

  test("a PDF without pages is refused as such, not called a scan", async () => {
    await expect(pdfText(makePdf({ pages: [] }))).rejects.toThrow("Tệp PDF không có trang nào.");
    await expect(pdfText(makePdf({ pages: [[]] }))).rejects.toThrow(SCANNED_PDF);
  });

  test(`more than ${MAX_PDF_PAGES} pages are refused before any page is read`, async () => {
    const pages = Array.from({ length: MAX_PDF_PAGES + 1 }, () => LINES);
    await expect(pdfText(makePdf({ pages }))).rejects.toThrow(/có 501 trang \(tối đa 500\)/u);
  });

  test("a page whose object is missing is a damaged file, named by its page", async () => {
    await expect(pdfText(makePdf({ pages: [LINES, LINES, null] }))).rejects.toThrow(
      /Tệp PDF bị hỏng: không đọc được trang \d/u,
    );
  });
});
