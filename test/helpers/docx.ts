import JSZip from "jszip";

/** A paragraph of a test .docx: plain, or in a Word list (the number is Word's, not in the text). */
export interface DocxParagraph {
  text: string;
  list?: "roman" | "decimal" | "bullet";
  /** A new list restarts its numbering (Word: another w:num of the same abstract list). */
  restart?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Writes a minimal but real .docx (WordprocessingML in a zip), numbering definitions included. */
export async function makeDocx(paragraphs: DocxParagraph[]): Promise<Uint8Array> {
  const formats = { roman: ["upperRoman", "%1."], decimal: ["decimal", "%1."], bullet: ["bullet", "-"] } as const;
  const abstract = Object.entries(formats)
    .map(
      ([, [fmt, text]], k) =>
        `<w:abstractNum w:abstractNumId="${k}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl></w:abstractNum>`,
    )
    .join("");
  const nums: string[] = [];
  const current: Partial<Record<keyof typeof formats, number>> = {};
  const body = paragraphs
    .map((p) => {
      let numPr = "";
      if (p.list) {
        if (p.restart || current[p.list] === undefined) {
          nums.push(
            `<w:num w:numId="${nums.length + 1}"><w:abstractNumId w:val="${Object.keys(formats).indexOf(p.list)}"/></w:num>`,
          );
          current[p.list] = nums.length;
        }
        numPr = `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${current[p.list]}"/></w:numPr></w:pPr>`;
      }
      // Word splits text into runs; so does this, at every space after the first word.
      const runs = p.text
        .split(/(?<= )/u)
        .map((t) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`)
        .join("");
      return `<w:p>${numPr}${runs}</w:p>`;
    })
    .join("");
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  zip.file(
    "word/numbering.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${abstract}${nums.join("")}</w:numbering>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

export const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"';

/** Text runs as Word writes them (a run per word, spaces kept). */
export const runs = (text: string) =>
  text
    .split(/(?<= )/u)
    .map((t) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`)
    .join("");

/**
 * A .docx from raw WordprocessingML: the body's XML, and optionally the inner XML of styles.xml and
 * numbering.xml, for the features a list helper cannot show (style numbering, text boxes, tables, fields).
 */
export async function makeRawDocx(parts: { body: string; styles?: string; numbering?: string }): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${parts.body}<w:sectPr/></w:body></w:document>`,
  );
  if (parts.styles !== undefined)
    zip.file("word/styles.xml", `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W_NS}>${parts.styles}</w:styles>`);
  if (parts.numbering !== undefined)
    zip.file(
      "word/numbering.xml",
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W_NS}>${parts.numbering}</w:numbering>`,
    );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The seed as Word keeps it: section and item numbers in list definitions, not in the text. */
export function seedParagraphs(seed: string): DocxParagraph[] {
  return seed.split("\n").map((line): DocxParagraph => {
    const roman = /^([IVX]+)\. (.*)$/u.exec(line);
    if (roman) return { text: roman[2]!, list: "roman" };
    const item = /^(\d+)\. (.*)$/u.exec(line);
    if (item) return { text: item[2]!, list: "decimal", restart: item[1] === "1" };
    const bullet = /^- (.*)$/u.exec(line);
    if (bullet) return { text: bullet[1]!, list: "bullet" };
    return { text: line };
  });
}
