import * as acorn from "acorn";
import { readFileSync, readdirSync } from "fs";
import * as path from "path";

/**
 * What the shipped bundles may contain: syntax up to ES2020 (Safari 14+ and the WebView2/WKWebView
 * of every Excel the manifest admits) and no regex lookbehind, which Safari before 16.4 cannot
 * parse even though it is ES2018. A lookbehind in a string is caught too: it becomes a RegExp.
 */
function syntaxProblems(source: string): string[] {
  const problems: string[] = [];
  const lookbehind = /\(\?<[=!]/;
  try {
    for (const t of acorn.tokenizer(source, { ecmaVersion: 2020 })) {
      const v = (t as unknown as { value: unknown }).value;
      const text =
        t.type === acorn.tokTypes.regexp
          ? (v as { pattern: string }).pattern
          : t.type === acorn.tokTypes.string || t.type === acorn.tokTypes.template
            ? String(v)
            : "";
      if (lookbehind.test(text)) problems.push(`lookbehind at ${t.start}: ${text.slice(0, 60)}`);
    }
    acorn.parse(source, { ecmaVersion: 2020, sourceType: "script" });
  } catch (e) {
    problems.push(`not ES2020: ${e instanceof Error ? e.message : String(e)}`);
  }
  return problems;
}

const DIST = path.join(__dirname, "../../dist");

describe("the shipped bundles parse in the oldest engine the add-in supports", () => {
  const bundles = readdirSync(DIST).filter((f) => f.endsWith(".js"));

  test("npm run build made the bundles this checks", () => {
    expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
  });

  test.each(bundles)("%s: ES2020 syntax, no regex lookbehind", (file) => {
    expect(syntaxProblems(readFileSync(path.join(DIST, file), "utf8"))).toEqual([]);
  });

  test("the check catches a lookbehind, in a literal or a RegExp string, and newer syntax", () => {
    expect(syntaxProblems("var r = /(?<!\\p{L})x/u;")).toEqual([expect.stringMatching(/^lookbehind/)]);
    expect(syntaxProblems('var r = new RegExp("(?<=a)b");')).toEqual([expect.stringMatching(/^lookbehind/)]);
    expect(syntaxProblems("var r = new RegExp(`(?<![\\\\d])${x}`);")).toEqual([expect.stringMatching(/^lookbehind/)]);
    expect(syntaxProblems("a ??= b;")).toEqual([expect.stringMatching(/^not ES2020/)]);
    expect(syntaxProblems("class A { #x = 1 }")).toEqual([expect.stringMatching(/^not ES2020/)]);
    expect(syntaxProblems("var r = /(?<name>x)/u; a?.b ?? c;")).toEqual([]);
  });
});
