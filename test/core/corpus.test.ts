import { readdirSync } from "fs";
import { CORPUS, scoreCorpus } from "../helpers/corpus";

describe("a corpus of real resolutions (test/fixtures/corpus, sources in each expected file)", () => {
  const scores = scoreCorpus();

  test("every text has its hand-checked expectation", () => {
    const names = readdirSync(CORPUS);
    for (const s of scores) expect(names).toContain(s.name.replace(/\.txt$/, ".expected.json"));
    // Issue 10: at least 20 documents of communes, wards, districts and provinces, of different years and kinds.
    expect(scores.length).toBeGreaterThanOrEqual(20);
  });

  test("at least 95% of the targets are read right (kind, figures, unit)", () => {
    const expected = scores.reduce((n, s) => n + s.expected, 0);
    const right = scores.reduce((n, s) => n + s.right, 0);
    expect(right / expected).toBeGreaterThanOrEqual(0.95);
  });

  test("no line with a figure is dropped without a warning", () => {
    expect(scores.filter((s) => s.silent.length > 0).map((s) => [s.name, s.silent])).toEqual([]);
  });
});
