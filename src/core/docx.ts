import JSZip from "jszip";
import { ResolutionTextError } from "./parser";

/**
 * The text of a .docx, one paragraph per line, with the numbering Word keeps in its list
 * definitions written out ("I.", "1.", "a)", "-"), so the resolution reader sees what people see.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, e: string) =>
    e.startsWith("#x") || e.startsWith("#X")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? m),
  );

const attr = (xml: string, tag: string, name = "w:val") =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`, "u").exec(xml)?.[1];

interface Level {
  format: string;
  text: string;
  start: number;
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];
function roman(n: number): string {
  let x = n;
  let out = "";
  for (const [v, r] of ROMAN)
    while (x >= v) {
      out += r;
      x -= v;
    }
  return out;
}
const letter = (n: number) => String.fromCharCode(96 + (((n - 1) % 26) + 1));

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letter(n).toUpperCase();
    case "lowerLetter":
      return letter(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    default:
      return String(n);
  }
}

/** numId → levels, from word/numbering.xml (through the abstract numbering each numId uses). */
function numbering(xml: string): Map<string, Level[]> {
  const abstract = new Map<string, Level[]>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/gu)) {
    const levels: Level[] = [];
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/gu))
      levels[Number(l[1])] = {
        format: attr(l[2]!, "w:numFmt") ?? "decimal",
        text: decode(attr(l[2]!, "w:lvlText") ?? ""),
        start: Number(attr(l[2]!, "w:start") ?? 1),
      };
    abstract.set(m[1]!, levels);
  }
  const out = new Map<string, Level[]>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/gu)) {
    const ref = attr(m[2]!, "w:abstractNumId");
    if (ref && abstract.has(ref)) out.set(m[1]!, abstract.get(ref)!);
  }
  return out;
}

const BULLETS: Record<string, string> = { "\uf0b7": "•", "\uf0a7": "•", o: "-", "\uf02d": "-", "": "-" };

/** Reads a .docx file's paragraphs as text lines; throws ResolutionTextError on a file that is not one. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ResolutionTextError("Tệp .docx không mở được (không phải tệp Word hoặc tệp bị hỏng).");
  }
  const doc = await zip.file("word/document.xml")?.async("string");
  if (!doc) throw new ResolutionTextError("Tệp .docx không có nội dung văn bản (thiếu word/document.xml).");
  const lists = numbering((await zip.file("word/numbering.xml")?.async("string")) ?? "");
  const counters = new Map<string, number[]>();
  const lines: string[] = [];
  for (const p of doc.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/gu)) {
    const body = p[1] ?? "";
    let text = "";
    for (const r of body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/gu))
      text += r[1] !== undefined ? decode(r[1]) : r[0] === "<w:tab/>" ? "\t" : "\n";
    const numId = attr(body, "w:numId");
    const ilvl = Number(attr(body, "w:ilvl") ?? 0);
    const levels = numId ? lists.get(numId) : undefined;
    const level = levels?.[ilvl];
    if (numId && numId !== "0" && level) {
      const count = counters.get(numId) ?? [];
      count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
      count.length = ilvl + 1;
      counters.set(numId, count);
      const label =
        level.format === "bullet"
          ? (BULLETS[level.text] ?? level.text)
          : level.text.replace(/%(\d)/gu, (_, k: string) => {
              const at = Number(k) - 1;
              return formatNumber(count[at] ?? levels[at]?.start ?? 1, levels[at]?.format ?? "decimal");
            });
      text = `${label} ${text}`;
    }
    lines.push(text);
  }
  return lines.join("\n");
}
