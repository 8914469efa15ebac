import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { DEFAULT_PERIODS, PERIODS, PERIOD_INFO, YEAR, periodOf } from "../../src/core/words";

/**
 * The period registry (core/words.ts) is the one place a review period is spelled: a module that
 * writes a period's key ("6t"), its words ("6 tháng") or its named cell ("6thang") in a string of
 * its own would miss the next period added to the registry. Strings only: comments may give examples.
 */
const SRC = path.join(__dirname, "../../src");
const OWNER = path.join(SRC, "core/words.ts");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/u.test(e.name) ? [p] : [];
  });
}

/** Every string literal, template piece and JSX text of a file, with its line. */
function stringsOf(file: string): { text: string; line: number }[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: { text: string; line: number }[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateLiteralToken(n) || ts.isJsxText(n))
      out.push({ text: n.text, line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

/** What spells a period other than the year (the year's words also name the year in prose). */
function periodSpellings(): RegExp {
  const earlier = PERIODS.filter((p) => p !== YEAR);
  const words = earlier.flatMap((p) => [PERIOD_INFO[p].label, PERIOD_INFO[p].cellName]);
  // A label's number alone with "tháng" ("kỳ 6, 9 tháng") is the same spelling.
  return new RegExp(`^(?:${earlier.join("|")})$|${words.join("|")}|\\b\\d+\\s*tháng`, "u");
}

describe("the period registry", () => {
  it("is the only module that spells a review period in its strings", () => {
    const spelled = periodSpellings();
    const found = sourceFiles(SRC)
      .filter((f) => f !== OWNER)
      .flatMap((f) =>
        stringsOf(f)
          .filter((s) => spelled.test(s.text))
          .map((s) => `${path.relative(SRC, f)}:${s.line} ${JSON.stringify(s.text)}`),
      );
    expect(found).toEqual([]);
  });

  it("finds a string that spells a period (the scan is not blind)", () => {
    const spelled = periodSpellings();
    for (const p of PERIODS.filter((x) => x !== YEAR)) {
      expect(spelled.test(p)).toBe(true);
      expect(spelled.test(`Thực hiện ${PERIOD_INFO[p].label}`)).toBe(true);
      expect(spelled.test(`UocTinh_${PERIOD_INFO[p].cellName}`)).toBe(true);
    }
    expect(spelled.test("kỳ 6, 9 tháng")).toBe(true);
    expect(spelled.test("Thực hiện")).toBe(false);
  });

  it("keeps the year last, shares rising to 1 and the default inside the registry", () => {
    expect(PERIODS.at(-1)).toBe(YEAR);
    const shares = PERIODS.map((p) => PERIOD_INFO[p].share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(PERIOD_INFO[YEAR].share).toBe(1);
    expect(DEFAULT_PERIODS.every((p) => PERIODS.includes(p))).toBe(true);
    expect(new Set(PERIODS.map((p) => PERIOD_INFO[p].cellName)).size).toBe(PERIODS.length);
  });

  it("reads a period key as staff may type it", () => {
    for (const p of PERIODS) {
      expect(periodOf(` ${p.toUpperCase()} `)).toBe(p);
    }
    expect(periodOf("12t")).toBeNull();
  });
});
