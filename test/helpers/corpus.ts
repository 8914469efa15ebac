import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { allIndicators } from "../../src/core/model";
import { isStampLine, parseResolution } from "../../src/core/parser";
import { scanTargets } from "../../src/core/target";
import { makeRawDocx, runs } from "./docx";

export const CORPUS = path.join(__dirname, "../fixtures/corpus");

interface Expected {
  source: string;
  targets: { text: string; unit: string; target: unknown }[];
}

export interface CorpusScore {
  name: string;
  expected: number;
  right: number;
  /** Lines with a figure that gave neither an indicator nor a warning. */
  silent: number[];
}

/**
 * Reads each real resolution of the corpus and counts the expected targets (kind, figures, unit)
 * read right, in any order; hand-checked expectations say what is right where the reader is not.
 */
export function scoreCorpus(): CorpusScore[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => scoreText(f, readFileSync(path.join(CORPUS, f), "utf8"), expectedOf(f.replace(/\.txt$/, ""))));
}

export const expectedOf = (name: string) =>
  JSON.parse(readFileSync(path.join(CORPUS, `${name}.expected.json`), "utf8")) as Expected;

/** Scores one reading of a document against its expectation. */
export function scoreText(name: string, text: string, exp: Expected): CorpusScore {
  const r = parseResolution(text);
  const got = allIndicators(r);
  const used = new Set<number>();
  let right = 0;
  for (const e of exp.targets) {
    const k = got.findIndex(
      (g, i) => !used.has(i) && g.unit === e.unit && JSON.stringify(g.target) === JSON.stringify(e.target),
    );
    if (k >= 0) {
      used.add(k);
      right++;
    }
  }
  const accounted = new Set([...got.map((g) => g.line), ...r.warnings.map((w) => w.line)]);
  const silent = text
    .split("\n")
    .map((l, i) => ({ l, n: i + 1 }))
    .filter(({ l }) => {
      // A web page's date and time stamp is not a figure of the resolution.
      if (isStampLine(l)) return false;
      // A list's own numbering ("1.", "(2)", "a)") is not a figure of the line.
      const s = scanTargets(l.replace(/^\s*(?:(?:[IVXL]{1,6}|\d{1,2}|[a-zđ])\s*[.)]|\(\d{1,2}\))\s*/u, ""));
      return s.matches.length > 0 || s.strayFigures.length > 0;
    })
    .map(({ n }) => n)
    .filter((n) => !accounted.has(n));
  return { name, expected: exp.targets.length, right, silent };
}

// ---- Word files of the corpus ---------------------------------------------------------------------

const p = (inner: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${inner}</w:p>`;
const twinLines = (twin: string) =>
  readFileSync(path.join(CORPUS, `${twin}.txt`), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
const lvl = (ilvl: number, fmt: string, text: string) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;

/**
 * The corpus again as offices make Word files, each built from a text document of the corpus (its
 * twin, whose expectation it shares): numbers and bullets from paragraph styles, a table, a text box,
 * Word's own hyphens and line breaks. Each must read as many targets right as its twin.
 */
export const WORD_CORPUS: { name: string; twin: string; feature: string; build: () => Promise<Uint8Array> }[] = [
  {
    name: "xa-son-lang-2020-2025 (style numbering)",
    twin: "xa-son-lang-2020-2025",
    feature: "items numbered '(1)' by a style based on List Number, groups bulleted by List Bullet",
    build: () => {
      const styles = [
        `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>`,
        `<w:style w:type="paragraph" w:styleId="ListNumber"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`,
        `<w:style w:type="paragraph" w:styleId="ChiTieu"><w:basedOn w:val="ListNumber"/></w:style>`,
        `<w:style w:type="paragraph" w:styleId="ListBullet"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`,
      ].join("");
      const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "decimal", "(%1)")}</w:abstractNum><w:abstractNum w:abstractNumId="1">${lvl(0, "bullet", "-")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
      const body = twinLines("xa-son-lang-2020-2025")
        .map((l) => {
          const item = /^\(\d+\)\s*(.*)$/u.exec(l);
          if (item) return p(runs(item[1]!), `<w:pStyle w:val="ChiTieu"/>`);
          const bullet = /^-\s*(.*)$/u.exec(l);
          if (bullet) return p(runs(bullet[1]!), `<w:pStyle w:val="ListBullet"/>`);
          return p(runs(l));
        })
        .join("");
      return makeRawDocx({ body, styles, numbering });
    },
  },
  {
    name: "xa-lo-ku-2021-2025 (table)",
    twin: "xa-lo-ku-2021-2025",
    feature: "targets in a table: STT, Chỉ tiêu, Kế hoạch; group rows of one cell",
    build: () => {
      const tc = (t: string) => `<w:tc>${p(runs(t))}</w:tc>`;
      const tr = (...cells: string[]) => `<w:tr>${cells.map(tc).join("")}</w:tr>`;
      const [heading, ...rest] = twinLines("xa-lo-ku-2021-2025");
      const rows = rest.map((l) => {
        const item = /^\((\d+)\)\s*([^:]*?):\s*(.*)$/u.exec(l) ?? /^\((\d+)\)\s*(.*)$/u.exec(l);
        if (!item) return tr("", l, "");
        return tr(item[1]!, item[2]!, (item[3] ?? "").replace(/\.$/u, ""));
      });
      const table = `<w:tbl><w:tblPr/>${tr("STT", "Chỉ tiêu", "Kế hoạch")}${rows.join("")}</w:tbl>`;
      return makeRawDocx({ body: `${p(runs(heading!))}${table}` });
    },
  },
  {
    name: "huyen-nong-cong-2011-2015 (list style link)",
    twin: "huyen-nong-cong-2011-2015",
    feature: "bullets of a list whose levels come through a numbering style (numStyleLink)",
    build: () => {
      const styles = `<w:style w:type="numbering" w:styleId="GachDauDong"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`;
      const numbering = `<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="GachDauDong"/></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:styleLink w:val="GachDauDong"/>${lvl(0, "bullet", "-")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
      const body = twinLines("huyen-nong-cong-2011-2015")
        .map((l) => {
          const bullet = /^-\s*(.*)$/u.exec(l);
          return bullet
            ? p(runs(bullet[1]!), `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`)
            : p(runs(l));
        })
        .join("");
      return makeRawDocx({ body, styles, numbering });
    },
  },
  {
    name: "phuong-chi-lang-2020-2025 (text box)",
    twin: "phuong-chi-lang-2020-2025",
    feature: "the whole list in a text box (mc:Choice, with the same box again in mc:Fallback)",
    build: () => {
      const box = `<w:txbxContent>${twinLines("phuong-chi-lang-2020-2025")
        .map((l) => p(runs(l)))
        .join("")}</w:txbxContent>`;
      const run = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
      return makeRawDocx({ body: p(run) });
    },
  },
  {
    name: "xa-nhon-son-2020-2025 (Word hyphens and breaks)",
    twin: "xa-nhon-son-2020-2025",
    feature: "non-breaking hyphens in ranges, a soft hyphen, a manual line break inside the paragraph",
    build: () => {
      const [line] = twinLines("xa-nhon-son-2020-2025");
      const [lead, rest] = [line!.slice(0, line!.indexOf(":") + 1), line!.slice(line!.indexOf(":") + 1)];
      const runsOf = (t: string) =>
        t
          .split(/(?<=\d%?)\s?-\s?(?=\d)/u)
          .map((piece) => runs(piece).replace("sản", "sản</w:t></w:r><w:r><w:softHyphen/><w:t>"))
          .join("<w:r><w:noBreakHyphen/></w:r>");
      return makeRawDocx({ body: p(`${runs(lead)}<w:r><w:br/></w:r>${runsOf(rest.trim())}`) });
    },
  },
];

/** Reads each Word file of the corpus and scores it against its twin's expectation. */
export async function scoreWordCorpus(): Promise<(CorpusScore & { twin: string })[]> {
  const { docxText } = await import("../../src/core/docx");
  const out: (CorpusScore & { twin: string })[] = [];
  for (const w of WORD_CORPUS)
    out.push({ ...scoreText(w.name, await docxText(await w.build()), expectedOf(w.twin)), twin: w.twin });
  return out;
}
