import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { allIndicators } from "../../src/core/model";
import { isStampLine, parseResolution } from "../../src/core/parser";
import { scanTargets } from "../../src/core/target";

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
    .map((f) => {
      const text = readFileSync(path.join(CORPUS, f), "utf8");
      const exp = JSON.parse(
        readFileSync(path.join(CORPUS, f.replace(/\.txt$/, ".expected.json")), "utf8"),
      ) as Expected;
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
      return { name: f, expected: exp.targets.length, right, silent };
    });
}
