import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import ts from "typescript";
import { COMPARATOR_FORMS } from "../../src/core/comparators";
import { QUALITATIVE_ANSWERS, STATUSES } from "../../src/core/words";

/**
 * Parity (zod style): the owners' lists are read here, and a module under src/ that spells one of
 * their words itself fails. Only code is searched (string, template and regex literals, JSX text),
 * never comments. Symbols (">", "<=") are left out: they are Excel's and TypeScript's operators too.
 */
const SRC = path.join(__dirname, "../../src");

/** The owners: the only modules that may spell their words. */
const OWNERS: Record<string, string> = {
  "core/words.ts": "owns the statuses and the qualitative answers",
  "core/comparators.ts": "owns the comparator table and the words of its rules",
};

const COMPARATOR_WORDS = [...new Set(COMPARATOR_FORMS.map((f) => f.words).filter((w) => /\p{L}/u.test(w)))];
const STATUS_WORDS = [...new Set<string>([...STATUSES, ...QUALITATIVE_ANSWERS])];

/** Every literal piece of code in a source text: strings, template parts, regexes, JSX text. */
export function literals(fileName: string, text: string): { text: string; whole: boolean }[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const out: { text: string; whole: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node))
      out.push({ text: node.text, whole: true });
    // A part of a template or a regex is a piece of something longer, never a word on its own.
    if (
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isRegularExpressionLiteral(node)
    )
      out.push({ text: node.text, whole: false });
    node.forEachChild(visit);
  };
  visit(file);
  return out;
}

const quote = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
/**
 * A comparator spelled as a word of a list: the whole literal ("không quá"), or one alternative of a
 * regex ("(?:trên|từ|dưới)"). A sentence that uses the word ("ví dụ \"trên 99%\"") is not a list.
 */
const comparatorIn = ({ text: lit, whole }: { text: string; whole: boolean }) =>
  COMPARATOR_WORDS.filter(
    (w) =>
      (whole && lit.trim().toLowerCase() === w) ||
      new RegExp(`(?:^|[|(:])${quote(w).replace(/ /gu, "(?: |\\\\s\\+?)")}(?=[|)]|$)`, "iu").test(lit),
  );
/** A status or answer spelled: the whole literal ("Vượt"), or quoted inside one (an Excel formula, a message). */
const statusIn = ({ text: lit, whole }: { text: string; whole: boolean }) =>
  STATUS_WORDS.filter((w) => (whole && lit.trim() === w) || lit.includes(`"${w}"`));

export function offences(fileName: string, text: string): string[] {
  return literals(fileName, text).flatMap((lit) => [
    ...comparatorIn(lit).map((w) => `comparator "${w}" in ${JSON.stringify(lit.text)}`),
    ...statusIn(lit).map((w) => `status "${w}" in ${JSON.stringify(lit.text)}`),
  ]);
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/u.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

describe("the owners' words are spelled by their owners only", () => {
  test("the detector finds a second table, a regex alternative and a status in a formula", () => {
    expect(offences("x.ts", 'const CMP = { "không quá": "lte", trên: "gt" };')).toEqual([
      'comparator "không quá" in "không quá"',
    ]);
    expect(offences("x.ts", "const R = /(?:^|\\s)(?:tối đa|ít nhất)\\s*$/u;")).toHaveLength(2);
    expect(offences("x.ts", 'const f = `IF(${a}>${b},"Vượt","Đạt")`;')).toHaveLength(2);
    expect(offences("x.tsx", "const e = <Text>Chưa có số liệu</Text>;")).toHaveLength(1);
    // Sentences that use the words, and comments, are not lists.
    expect(offences("x.ts", '// "không quá"\nconst m = "Chỉ tiêu ví dụ \\"trên 99%\\" hoặc dưới mức";')).toEqual([]);
  });

  const files = sources(SRC).filter((f) => !(path.relative(SRC, f).split(path.sep).join("/") in OWNERS));
  test.each(files.map((f) => [path.relative(SRC, f).split(path.sep).join("/"), f]))("%s", (_name, file) => {
    expect(offences(file, readFileSync(file, "utf8"))).toEqual([]);
  });

  test("every owner exists", () => {
    for (const owner of Object.keys(OWNERS)) expect(readFileSync(path.join(SRC, owner), "utf8")).not.toBe("");
  });
});
