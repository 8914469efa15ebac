import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { CORPUS, WORD_CORPUS, scoreCorpus, scoreWordCorpus } from "../helpers/corpus";

/**
 * The corpus's recorded reading: for each document, how many of its hand-checked targets are read
 * right. Any change fails: a regression in one document, and an improvement too, until it is recorded
 * (update recorded.json in the same commit as the reader's change).
 */
const RECORDED = JSON.parse(readFileSync(path.join(CORPUS, "recorded.json"), "utf8")) as Record<string, number>;

describe("a corpus of real resolutions (test/fixtures/corpus, sources in each expected file)", () => {
  const scores = scoreCorpus();

  test("every text has its hand-checked expectation and a recorded count", () => {
    const names = readdirSync(CORPUS);
    for (const s of scores) expect(names).toContain(s.name.replace(/\.txt$/, ".expected.json"));
    expect(Object.keys(RECORDED).sort()).toEqual(scores.map((s) => s.name.replace(/\.txt$/, "")).sort());
    // Issue 25: at least 40 documents of communes, wards, districts and provinces, of different years and
    // kinds; at least 10 of the new merged communes and wards (their 2025-2030 congresses, their 2026 plans).
    expect(scores.length).toBeGreaterThanOrEqual(40);
    expect(scores.filter((s) => /-(?:2025-2030|2026)\.txt$/u.test(s.name)).length).toBeGreaterThanOrEqual(10);
  });

  test("each document reads exactly the recorded number of targets right (no single regression)", () => {
    expect(Object.fromEntries(scores.map((s) => [s.name.replace(/\.txt$/, ""), s.right]))).toEqual(RECORDED);
    const expected = scores.reduce((n, s) => n + s.expected, 0);
    const right = scores.reduce((n, s) => n + s.right, 0);
    expect(right / expected).toBeGreaterThanOrEqual(0.97);
  });

  test("no line with a figure is dropped without a warning", () => {
    expect(scores.filter((s) => s.silent.length > 0).map((s) => [s.name, s.silent])).toEqual([]);
  });

  test("the Word files of the corpus (style numbering, a table, a text box, Word's hyphens) read as their twins", async () => {
    expect(WORD_CORPUS.length).toBeGreaterThanOrEqual(5);
    const word = await scoreWordCorpus();
    expect(word.map((w) => [w.name, w.right, w.silent])).toEqual(word.map((w) => [w.name, RECORDED[w.twin], []]));
  });
});
