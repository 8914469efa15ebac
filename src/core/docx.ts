import JSZip from "jszip";
import { ResolutionTextError } from "./parser";
import { romanNumeral } from "./ids";

/**
 * The text of a .docx as people see it in Word, one paragraph per line: numbering written out
 * ("I.", "1.", "a)", "-") whether the paragraph, its style or a linked list style holds it; manual
 * breaks as new lines; Word's hyphens as "-"; a text box once, after the paragraph it sits in; a
 * table one row per line ("1. Thu ngân sách: 27.625 triệu đồng"); a field's result, not its code.
 *
 * The XML is read by one forward scan (no regex over whole parts, no recursion), so time is linear
 * and nesting cannot overflow the stack; inflated parts, numbering values and levels are capped.
 */

/** Inflated size of one XML part (a real resolution's document.xml is a few MB). */
export const MAX_DOCX_PART = 64_000_000;
/** Word's own limits: list levels 0–8, start values 0–32767. */
const MAX_LEVEL = 8;
const MAX_START = 32767;

const refuse = (what: string) => new ResolutionTextError(`Tệp .docx không đọc được: ${what}.`);

// ---- XML, scanned forward --------------------------------------------------------------------

interface Tag {
  name: string;
  /** The text between the name and ">" (attributes). */
  attrs: string;
  end: boolean;
  selfClosing: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY_RE = /&(#[xX][0-9a-fA-F]{1,8}|#\d{1,9}|[a-z]{2,5});/gu;

function decode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY_RE, (m, e: string) => {
    if (!e.startsWith("#")) return ENTITIES[e] ?? m;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    // A character reference outside Unicode (&#x110000;) is not a character.
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });
}

/** The value of attribute `name` in a tag's attribute text, decoded. */
function attr(attrs: string, name: string): string | undefined {
  let at = attrs.indexOf(`${name}=`);
  while (at > 0 && !/\s/u.test(attrs[at - 1]!)) at = attrs.indexOf(`${name}=`, at + 1);
  if (at < 0) return undefined;
  const q = attrs[at + name.length + 1];
  if (q !== '"' && q !== "'") return undefined;
  const from = at + name.length + 2;
  const to = attrs.indexOf(q, from);
  return to < 0 ? undefined : decode(attrs.slice(from, to));
}

/** Calls `onTag` and `onText` for the tags and texts of `xml`, in order; comments and declarations skipped. */
function scanXml(xml: string, onTag: (t: Tag) => void, onText: (text: string) => void): void {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      onText(xml.slice(i));
      return;
    }
    if (lt > i) onText(xml.slice(i, lt));
    if (xml.startsWith("<!--", lt)) {
      const e = xml.indexOf("-->", lt + 4);
      i = e < 0 ? xml.length : e + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const e = xml.indexOf("]]>", lt + 9);
      onText(xml.slice(lt + 9, e < 0 ? xml.length : e).replace(/&/gu, "&amp;"));
      i = e < 0 ? xml.length : e + 3;
      continue;
    }
    const gt = xml.indexOf(">", lt + 1);
    if (gt < 0) return;
    i = gt + 1;
    const c = xml[lt + 1];
    if (c === "?" || c === "!") continue;
    const end = c === "/";
    const inner = xml.slice(end ? lt + 2 : lt + 1, gt);
    const selfClosing = inner.endsWith("/");
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const sp = body.search(/[\s]/u);
    onTag({ name: sp < 0 ? body : body.slice(0, sp), attrs: sp < 0 ? "" : body.slice(sp), end, selfClosing });
  }
}

/**
 * mc:AlternateContent: the first mc:Choice is read, the other choices and the mc:Fallback (the same
 * text box again, for older Word) skipped. Returns whether `t` is to be ignored.
 */
function alternates(): (t: Tag) => boolean {
  const taken: boolean[] = [];
  let skipping = 0;
  let skipName = "";
  return (t) => {
    if (skipping > 0) {
      if (t.name === skipName && !t.selfClosing) skipping += t.end ? -1 : 1;
      return true;
    }
    if (t.name === "mc:AlternateContent") {
      if (t.end) taken.pop();
      else if (!t.selfClosing) taken.push(false);
      return true;
    }
    if ((t.name === "mc:Choice" || t.name === "mc:Fallback") && !t.end && taken.length > 0) {
      if (taken[taken.length - 1]) {
        if (!t.selfClosing) {
          skipping = 1;
          skipName = t.name;
        }
      } else taken[taken.length - 1] = true;
      return true;
    }
    return t.name === "mc:Choice" || t.name === "mc:Fallback";
  };
}

// ---- numbering ---------------------------------------------------------------------------------

interface Level {
  format: string;
  text: string;
  start: number;
  /** Digits of a custom zero-padded format ("01, 02, 03"). */
  pad: number;
}
interface AbstractNum {
  levels: Level[];
  /** w:numStyleLink: the levels are those of the list style of this id. */
  styleLink?: string;
}
interface Num {
  abstractId: string;
  starts: number[];
  levels: Level[];
}
interface Style {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

function levelOf(v: string | undefined, where: string): number {
  if (v === undefined) return 0;
  if (!/^\d{1,2}$/u.test(v.trim()) || Number(v) > MAX_LEVEL)
    throw refuse(`cấp danh sách "${v.slice(0, 20)}" không hợp lệ trong ${where} (Word chỉ có cấp 0–${MAX_LEVEL})`);
  return Number(v);
}
function startOf(v: string | undefined): number {
  if (v === undefined) return 1;
  if (!/^\d{1,5}$/u.test(v.trim()) || Number(v) > MAX_START)
    throw refuse(`số bắt đầu của danh sách "${v.slice(0, 20)}" không hợp lệ (Word chỉ cho 0–${MAX_START})`);
  return Number(v);
}

/** The lists of word/numbering.xml: abstract lists by id, and the numIds that use them. */
function readNumbering(xml: string): { abstracts: Map<string, AbstractNum>; nums: Map<string, Num> } {
  const abstracts = new Map<string, AbstractNum>();
  const nums = new Map<string, Num>();
  const skip = alternates();
  let abs: AbstractNum | null = null;
  let num: Num | null = null;
  let lvl: Level | null = null;
  let lvlAt = 0;
  let overrideAt = -1;
  const where = "word/numbering.xml";
  scanXml(
    xml,
    (t) => {
      if (skip(t)) return;
      if (t.end) {
        if (t.name === "w:abstractNum") abs = null;
        else if (t.name === "w:num") num = null;
        else if (t.name === "w:lvl") lvl = null;
        else if (t.name === "w:lvlOverride") overrideAt = -1;
        return;
      }
      switch (t.name) {
        case "w:abstractNum":
          abs = { levels: [] };
          abstracts.set(attr(t.attrs, "w:abstractNumId") ?? "", abs);
          break;
        case "w:num":
          num = { abstractId: "", starts: [], levels: [] };
          nums.set(attr(t.attrs, "w:numId") ?? "", num);
          break;
        case "w:abstractNumId":
          if (num) num.abstractId = attr(t.attrs, "w:val") ?? "";
          break;
        case "w:numStyleLink":
          if (abs) abs.styleLink = attr(t.attrs, "w:val");
          break;
        case "w:lvlOverride":
          overrideAt = levelOf(attr(t.attrs, "w:ilvl"), where);
          break;
        case "w:startOverride":
          if (num && overrideAt >= 0) num.starts[overrideAt] = startOf(attr(t.attrs, "w:val"));
          break;
        case "w:lvl":
          lvlAt = levelOf(attr(t.attrs, "w:ilvl"), where);
          lvl = { format: "decimal", text: "", start: 1, pad: 0 };
          // A level inside w:lvlOverride redefines that level for this numId only.
          if (num && overrideAt >= 0) num.levels[lvlAt] = lvl;
          else if (abs) abs.levels[lvlAt] = lvl;
          if (t.selfClosing) lvl = null;
          break;
        case "w:start":
          if (lvl) lvl.start = startOf(attr(t.attrs, "w:val"));
          break;
        case "w:numFmt":
          if (lvl) {
            lvl.format = attr(t.attrs, "w:val") ?? "decimal";
            // Word 2010's "01, 02, 03" is a custom format with a decimalZero fallback.
            const custom = /^(0+)1\b/u.exec(attr(t.attrs, "w:format") ?? "");
            if (lvl.format === "custom") lvl.pad = custom ? custom[1]!.length + 1 : 0;
          }
          break;
        case "w:lvlText":
          if (lvl) lvl.text = attr(t.attrs, "w:val") ?? "";
          break;
      }
    },
    () => undefined,
  );
  return { abstracts, nums };
}

/** Paragraph and list styles of word/styles.xml: what each is based on, and its numbering. */
function readStyles(xml: string): { styles: Map<string, Style>; defaultStyle?: string } {
  const styles = new Map<string, Style>();
  let defaultStyle: string | undefined;
  const skip = alternates();
  let style: Style | null = null;
  let inPPr = 0;
  let changed = 0;
  scanXml(
    xml,
    (t) => {
      if (skip(t)) return;
      if (t.name === "w:pPrChange" && !t.selfClosing) changed += t.end ? -1 : 1;
      if (t.name === "w:pPr" && !t.selfClosing) inPPr += t.end ? -1 : 1;
      if (t.end) {
        if (t.name === "w:style") style = null;
        return;
      }
      if (t.name === "w:style") {
        const id = attr(t.attrs, "w:styleId") ?? "";
        style = {};
        styles.set(id, style);
        if (attr(t.attrs, "w:type") === "paragraph" && /^(?:1|true|on)$/u.test(attr(t.attrs, "w:default") ?? ""))
          defaultStyle = id;
        return;
      }
      if (!style || changed > 0) return;
      if (t.name === "w:basedOn") style.basedOn = attr(t.attrs, "w:val");
      else if (inPPr > 0 && t.name === "w:numId") style.numId = attr(t.attrs, "w:val");
      else if (inPPr > 0 && t.name === "w:ilvl") style.ilvl = levelOf(attr(t.attrs, "w:val"), "word/styles.xml");
    },
    () => undefined,
  );
  return { styles, defaultStyle };
}

/** Word's letters: a … z, then aa, bb, …. */
const letter = (n: number) => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

function formatNumber(n: number, level: Level | undefined): string {
  // Past what the format can write sensibly, the plain number (a counter is never more than a few thousand).
  const big = n < 1 || n > 3999;
  switch (level?.format) {
    case "none":
      return "";
    case "upperRoman":
      return big ? String(n) : romanNumeral(n);
    case "lowerRoman":
      return big ? String(n) : romanNumeral(n).toLowerCase();
    case "upperLetter":
      return n < 1 || n > 780 ? String(n) : letter(n).toUpperCase();
    case "lowerLetter":
      return n < 1 || n > 780 ? String(n) : letter(n);
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "custom":
      return String(n).padStart(level.pad, "0");
    default:
      return String(n);
  }
}

const BULLETS: Record<string, string> = { "\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf076": "•", o: "-" };
const bulletOf = (text: string) => BULLETS[text] ?? (/^[-+•–*]$/u.test(text) ? text : "-");

/** Numbering of a document: resolves a paragraph's numId and level to its label, counting as Word does. */
function lists(numberingXml: string, stylesXml: string) {
  const { abstracts, nums } = readNumbering(numberingXml);
  const { styles, defaultStyle } = readStyles(stylesXml);
  const counters = new Map<string, number[]>();

  /** The levels of a numId, through a list style (numStyleLink) when the abstract list links to one. */
  const levelsOf = (numId: string): { levels: Level[]; num: Num } | null => {
    let num = nums.get(numId);
    if (!num) return null;
    const first = num;
    for (let hops = 0; hops < 5; hops++) {
      const abs = abstracts.get(num.abstractId);
      if (!abs) return null;
      const linked = abs.styleLink ? styles.get(abs.styleLink)?.numId : undefined;
      const next = linked ? nums.get(linked) : undefined;
      if (!next || next === num) {
        const levels = abs.levels.map((l, k) => first.levels[k] ?? l);
        return { levels, num: first };
      }
      num = next;
    }
    return null;
  };

  /** The numId and level a paragraph's style gives it, following basedOn (cycles stop). */
  const fromStyle = (styleId: string | undefined): { numId?: string; ilvl?: number } => {
    const out: { numId?: string; ilvl?: number } = {};
    let id = styleId ?? defaultStyle;
    for (let hops = 0; id !== undefined && hops < 20; hops++) {
      const s = styles.get(id);
      if (!s) break;
      out.numId ??= s.numId;
      out.ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return out;
  };

  return (p: { style?: string; numId?: string; ilvl?: number }): string => {
    const styled = p.numId === undefined || p.ilvl === undefined ? fromStyle(p.style) : {};
    const numId = p.numId ?? styled.numId;
    const ilvl = p.ilvl ?? styled.ilvl ?? 0;
    if (numId === undefined || numId === "0") return "";
    const found = levelsOf(numId);
    const level = found?.levels[ilvl];
    if (!found || !level) return "";
    const startAt = (k: number) => found.num.starts[k] ?? found.levels[k]?.start ?? 1;
    const count = counters.get(numId) ?? [];
    count[ilvl] = (count[ilvl] ?? startAt(ilvl) - 1) + 1;
    count.length = ilvl + 1;
    counters.set(numId, count);
    if (level.format === "bullet") return bulletOf(level.text);
    return level.text.replace(/%([1-9])/gu, (_, k: string) => {
      const at = Number(k) - 1;
      return formatNumber(count[at] ?? startAt(at), found.levels[at]);
    });
  };
}

// ---- tables --------------------------------------------------------------------------------------

const NO_HEADER_RE = /^(?:stt|tt|số tt|số thứ tự)$/iu;
const UNIT_HEADER_RE = /^(?:đơn vị|đơn vị tính|đvt)$/iu;
const NO_RE = /^(?:[IVXL]{1,6}|\d{1,2}(?:\.\d{1,2})?|[a-zđ]|[-+•–*])\.?\)?$/u;

/** A row's number as a list marker: "I." "1." "1.1." "a)" "-". */
function marker(no: string): string {
  const n = no.replace(/[.)]+$/u, "");
  if (n === "") return "";
  if (/^[-+•–*]$/u.test(n)) return `${n} `;
  if (/^[a-zđ]$/u.test(n)) return `${n}) `;
  return `${n}. `;
}

/**
 * A table, one row per line: the number column as the marker, the name, then the figures with the
 * unit column after the first figure ("1 | Thu ngân sách | triệu đồng | 27.625" → "1. Thu ngân sách:
 * 27.625 triệu đồng"). A header row (STT, Đơn vị tính) says where those columns are and is not read.
 */
function tableLines(rows: string[][]): string[] {
  let noCol = -1;
  let unitCol = -1;
  const out: string[] = [];
  for (const raw of rows) {
    const cells = raw.map((c) => c.replace(/\s+/gu, " ").trim());
    const no = cells.findIndex((c) => NO_HEADER_RE.test(c));
    const unit = cells.findIndex((c) => UNIT_HEADER_RE.test(c));
    if (no >= 0 || unit >= 0) {
      noCol = no;
      unitCol = unit;
      continue;
    }
    const numberAt = noCol >= 0 ? noCol : NO_RE.test(cells[0] ?? "") && cells.length > 1 ? 0 : -1;
    const rest = cells.filter((c, k) => k !== numberAt && k !== unitCol && c !== "");
    if (rest.length === 0) continue;
    const unitText = unitCol >= 0 ? (cells[unitCol] ?? "") : "";
    const [name, ...values] = rest;
    const figure = values.findIndex((v) => /\d/u.test(v));
    if (unitText !== "" && figure >= 0 && !values[figure]!.includes(unitText)) {
      // After the cell's last figure: "từ 95 trở lên" → "từ 95% trở lên".
      const v = values[figure]!;
      let end = v.length;
      while (end > 0 && !/\d/u.test(v[end - 1]!)) end--;
      const unit = /^[%‰]$/u.test(unitText) ? unitText : ` ${unitText}`;
      values[figure] = `${v.slice(0, end)}${unit}${v.slice(end)}`;
    }
    const body = values.length > 0 ? `${name!.replace(/\s*:$/u, "")}: ${values.join(", ")}` : name!;
    out.push(`${marker(numberAt >= 0 ? (cells[numberAt] ?? "") : "")}${body}`);
  }
  return out;
}

// ---- the document --------------------------------------------------------------------------------

/**
 * An open element that yields lines. A paragraph and a table reserve their place in the list of lines
 * they belong to when they open (a text box's paragraphs thus follow the paragraph they sit in, with no
 * copying); a cell gathers its own lines into one.
 */
type Frame =
  | { kind: "p"; text: string[]; style?: string; numId?: string; ilvl?: number; into: string[]; at: number }
  | { kind: "tbl"; rows: string[][]; into: string[]; at: number }
  | { kind: "tr"; cells: string[] }
  | { kind: "tc"; lines: string[] };

/** Run content that is not w:t: what Word shows for it. */
const RUN_MARKS: Record<string, string> = {
  "w:tab": "\t",
  "w:br": "\n",
  "w:cr": "\n",
  "w:noBreakHyphen": "-",
  "w:softHyphen": "",
};

function documentLines(xml: string, label: ReturnType<typeof lists>): string[] {
  const out: string[] = [];
  const frames: Frame[] = [];
  const open = { p: 0, tbl: 0, tr: 0, tc: 0 };
  const skip = alternates();
  let inText = 0;
  let inRun = 0;
  let inPPr = 0;
  let changed = 0;

  /** The list a new paragraph or table writes into: its cell's, its enclosing paragraph's, or the document's. */
  const target = (): string[] => {
    const top = frames[frames.length - 1];
    if (!top) return out;
    if (top.kind === "tc") return top.lines;
    if (top.kind === "p" || top.kind === "tbl") return top.into;
    return out;
  };
  const reserve = (into: string[]) => into.push("") - 1;
  const pop = () => {
    const f = frames.pop()!;
    open[f.kind]--;
    const top = frames[frames.length - 1];
    if (f.kind === "p") {
      const mark = label(f);
      const text = f.text.join("");
      f.into[f.at] = mark === "" ? text : `${mark} ${text}`;
    } else if (f.kind === "tc") {
      if (top?.kind === "tr") top.cells.push(f.lines.join(" "));
    } else if (f.kind === "tr") {
      if (top?.kind === "tbl") top.rows.push(f.cells);
    } else f.into[f.at] = tableLines(f.rows).join("\n");
  };
  const closeTo = (kind: Frame["kind"]) => {
    if (open[kind] === 0) return;
    while (frames[frames.length - 1]!.kind !== kind) pop();
    pop();
  };

  scanXml(
    xml,
    (t) => {
      if (skip(t)) return;
      const name = t.name;
      if (t.end) {
        if (name === "w:p" || name === "w:tbl" || name === "w:tr" || name === "w:tc")
          closeTo(name.slice(2) as Frame["kind"]);
        else if (name === "w:t") inText = Math.max(0, inText - 1);
        else if (name === "w:r") inRun = Math.max(0, inRun - 1);
        else if (name === "w:pPr") inPPr = Math.max(0, inPPr - 1);
        else if (name === "w:pPrChange") changed = Math.max(0, changed - 1);
        return;
      }
      switch (name) {
        case "w:p":
        case "w:tbl": {
          const into = target();
          const at = reserve(into);
          frames.push(name === "w:p" ? { kind: "p", text: [], into, at } : { kind: "tbl", rows: [], into, at });
          open[name === "w:p" ? "p" : "tbl"]++;
          if (t.selfClosing) pop();
          return;
        }
        case "w:tr":
        case "w:tc":
          frames.push(name === "w:tr" ? { kind: "tr", cells: [] } : { kind: "tc", lines: [] });
          open[name === "w:tr" ? "tr" : "tc"]++;
          if (t.selfClosing) pop();
          return;
        case "w:t":
          if (!t.selfClosing) inText++;
          return;
        case "w:r":
          if (!t.selfClosing) inRun++;
          return;
        case "w:pPr":
          if (!t.selfClosing) inPPr++;
          return;
        case "w:pPrChange":
          if (!t.selfClosing) changed++;
          return;
      }
      const p = frames[frames.length - 1];
      if (p?.kind !== "p") return;
      if (inPPr > 0 && changed === 0) {
        if (name === "w:pStyle") p.style = attr(t.attrs, "w:val");
        else if (name === "w:numId") p.numId = attr(t.attrs, "w:val");
        else if (name === "w:ilvl") p.ilvl = levelOf(attr(t.attrs, "w:val"), "word/document.xml");
      } else if (inRun > 0 && name in RUN_MARKS) p.text.push(RUN_MARKS[name]!);
    },
    (text) => {
      const top = frames[frames.length - 1];
      if (inText > 0 && top?.kind === "p") top.text.push(decode(text));
    },
  );
  while (frames.length > 0) pop();
  return out;
}

/** JSZip's chunked reader (documented as ZipObject.internalStream, missing from its types). */
interface ChunkStream {
  on(event: "data", f: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "error" | "end", f: () => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

/** An XML part inflated with a cap on its size (a zip bomb is refused before it fills memory). */
async function part(zip: JSZip, name: string): Promise<string | undefined> {
  const file = zip.file(name);
  if (!file) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const stream = (file as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream(
      "uint8array",
    );
    stream.on("data", (chunk: Uint8Array) => {
      size += chunk.length;
      if (size > MAX_DOCX_PART) {
        stream.pause();
        reject(
          refuse(
            `phần ${name} khi giải nén lớn hơn ${MAX_DOCX_PART / 1e6} MB (tệp bị hỏng hoặc không phải một văn bản bình thường)`,
          ),
        );
      } else chunks.push(chunk);
    });
    stream.on("error", () => reject(refuse(`phần ${name} bị hỏng`)));
    stream.on("end", () => resolve());
    stream.resume();
  });
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder("utf-8").decode(all);
}

/** Reads a .docx file's paragraphs as text lines; throws ResolutionTextError on a file that is not one. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ResolutionTextError("Tệp .docx không mở được (không phải tệp Word hoặc tệp bị hỏng).");
  }
  const doc = await part(zip, "word/document.xml");
  if (!doc) throw new ResolutionTextError("Tệp .docx không có nội dung văn bản (thiếu word/document.xml).");
  const label = lists((await part(zip, "word/numbering.xml")) ?? "", (await part(zip, "word/styles.xml")) ?? "");
  return documentLines(doc, label).join("\n");
}
