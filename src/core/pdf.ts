import { ResolutionTextError } from "./parser";

/** pdf.js's text items, as much of them as the reader needs. */
interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

interface PdfJs {
  GlobalWorkerOptions: { workerSrc: string };
  getDocument(src: { data: Uint8Array; isEvalSupported: boolean; useSystemFonts: boolean; verbosity: number }): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }>;
    }>;
  };
}

/** pdf.js (the CommonJS legacy build, loaded only when a PDF is read), without its canvas warnings in Node. */
async function loadPdfJs(): Promise<PdfJs> {
  const { warn, log } = console;
  console.warn = () => undefined;
  console.log = () => undefined;
  try {
    const pdfjs = (await import(/* webpackChunkName: "pdf" */ "pdfjs-dist/legacy/build/pdf.js")) as unknown as PdfJs;
    // In the task pane the worker is the file the build copies beside taskpane.html; Node runs it in-process.
    if (typeof document !== "undefined") pdfjs.GlobalWorkerOptions.workerSrc = "pdf.worker.min.js";
    return pdfjs;
  } finally {
    Object.assign(console, { warn, log });
  }
}

/** Pages read at most: a resolution has a few dozen; thousands mean a wrong file (and minutes of work). */
export const MAX_PDF_PAGES = 500;

const tooManyPages = (n: number) =>
  new ResolutionTextError(
    `Tệp PDF có ${n.toLocaleString("vi-VN")} trang (tối đa ${MAX_PDF_PAGES}): đây có phải một nghị quyết không?`,
  );

export const SCANNED_PDF =
  "Tệp PDF này là ảnh quét (không có lớp chữ), nên không đọc được chữ trong đó. Hãy dùng bản .docx hoặc PDF xuất từ Word/hệ thống văn bản điện tử, hoặc dán nội dung nghị quyết vào ô văn bản.";

/**
 * The text of a text PDF (e-office systems issue these), page by page, lines rebuilt from the text
 * positions; a gap wider than a line leaves a blank line (a new paragraph). Lines that the page
 * width broke are joined back by the resolution reader, which knows where items start.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // Page objects written out in the file: counted before pdf.js walks a tree of thousands of them.
  const written = new TextDecoder("latin1").decode(bytes).match(/\/Type\s*\/Page(?![a-zA-Z])/gu)?.length ?? 0;
  if (written > MAX_PDF_PAGES) throw tooManyPages(written);
  const pdfjs = await loadPdfJs();
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch {
    throw new ResolutionTextError("Tệp PDF không mở được (tệp bị hỏng hoặc có mật khẩu).");
  }
  if (doc.numPages === 0) throw new ResolutionTextError("Tệp PDF không có trang nào.");
  if (doc.numPages > MAX_PDF_PAGES) throw tooManyPages(doc.numPages);
  const out: string[] = [];
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    let content: { items: unknown[] };
    try {
      content = await (await doc.getPage(n)).getTextContent();
    } catch {
      throw new ResolutionTextError(`Tệp PDF bị hỏng: không đọc được trang ${n}.`);
    }
    const items = content.items.filter(
      (i): i is TextItem =>
        typeof (i as TextItem).str === "string" &&
        Array.isArray((i as TextItem).transform) &&
        Number.isFinite((i as TextItem).transform[5]),
    );
    // Lines by their baseline, in reading order.
    const lines: { y: number; text: string }[] = [];
    for (const it of items) {
      const y = it.transform[5]!;
      const last = lines.at(-1);
      if (last && Math.abs(last.y - y) <= Math.max(2, it.height * 0.5)) last.text += it.str;
      else lines.push({ y, text: it.str });
      chars += it.str.trim().length;
    }
    const filled = lines.filter((l) => l.text.trim() !== "");
    const pitches = filled.slice(1).map((l, k) => Math.abs(filled[k]!.y - l.y));
    const pitch = [...pitches].sort((a, b) => a - b)[Math.floor(pitches.length / 2)] ?? 0;
    filled.forEach((l, k) => {
      // A gap clearly wider than the usual line pitch is a new paragraph.
      if (k > 0 && pitch > 0 && pitches[k - 1]! > pitch * 1.6) out.push("");
      out.push(l.text);
    });
    out.push("");
  }
  if (chars < 20) throw new ResolutionTextError(SCANNED_PDF);
  return out.join("\n");
}
