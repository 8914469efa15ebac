/**
 * A small but real PDF written object by object (catalog, page tree, pages, content streams, a
 * standard font), with a correct cross-reference table: for the reader's limits and for fuzzing
 * with objects a real file would never hold. Text is ASCII (the standard font's encoding).
 */
export interface PdfSpec {
  /** Each page's lines of text; a page may be null to leave out its object (a broken reference). */
  pages: (string[] | null)[];
  /** The page tree's /Count, when it should lie. */
  count?: string;
  /** Objects written in place of the page tree, catalog or font (raw PDF syntax), for fuzzing. */
  raw?: { pages?: string; catalog?: string; font?: string; extra?: string[] };
}

const esc = (s: string) => s.replace(/[\\()]/gu, (c) => `\\${c}`);

export function makePdf(spec: PdfSpec): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  // 1 catalog, 2 page tree, 3 font; pages and contents follow.
  add(spec.raw?.catalog ?? "<< /Type /Catalog /Pages 2 0 R >>");
  add("");
  add(spec.raw?.font ?? "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const kids: string[] = [];
  for (const lines of spec.pages) {
    const pageNo = objects.length + 1;
    kids.push(`${pageNo} 0 R`);
    if (lines === null) continue;
    const ops = lines.map((l, k) => `BT /F1 12 Tf 72 ${800 - 16 * k} Td (${esc(l)}) Tj ET`).join("\n");
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNo + 1} 0 R >>`,
    );
    add(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
  }
  for (const extra of spec.raw?.extra ?? []) add(extra);
  objects[1] =
    spec.raw?.pages ?? `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${spec.count ?? String(spec.pages.length)} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    offsets.push(out.length);
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
