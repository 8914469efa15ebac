/** Reading a chosen file: loaded only when someone imports one, like the readers it calls. */
/** FileReader, not Blob.arrayBuffer(): older Office webviews lack the Blob promise methods. */
export function readFileBytes(f: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error("không đọc được tệp"));
    r.readAsArrayBuffer(f);
  });
}

const startsWith = (bytes: Uint8Array, magic: string) => [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

/** The resolution text of a .txt/.json, a Word .docx or a text PDF; the readers load only when needed. */
export async function fileText(f: File): Promise<string> {
  const bytes = await readFileBytes(f);
  if (startsWith(bytes, "%PDF")) {
    const { pdfText } = await import(/* webpackChunkName: "pdf" */ "../core/pdf");
    return pdfText(bytes);
  }
  if (startsWith(bytes, "PK") && /\.docx$/iu.test(f.name)) {
    const { docxText } = await import(/* webpackChunkName: "docx" */ "../core/docx");
    return docxText(bytes);
  }
  return readFileText(f);
}

function readFileText(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ""));
    r.onerror = () => reject(r.error ?? new Error("không đọc được tệp"));
    r.readAsText(f, "utf-8");
  });
}
