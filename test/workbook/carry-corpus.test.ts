import { loadScenarios, runScenario } from "../helpers/carry-corpus";

const scenarios = loadScenarios();

describe("the carry-over corpus (test/fixtures/carry): never misplaced, never silently left", () => {
  test("has at least 40 scenarios", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  test.each(scenarios.map((s) => [s.name, s] as const))("%s", (_name, sc) => {
    const r = runScenario(sc);
    // Per scenario: placed right, placed wrong (must be 0), left and named, left unnamed (must be 0).
    const report = { right: r.right, wrong: r.wrong, leftNamed: r.leftNamed, unnamed: r.unnamed };
    expect({ ...report, wrong: r.wrong, unnamed: r.unnamed }).toEqual({ ...report, wrong: [], unnamed: [] });
    expect(r.right + r.leftNamed).toBeGreaterThan(0);
    // Every item expected to move was carried, or left and named (a pair to confirm, say).
    expect(r.right).toBeLessThanOrEqual(r.toCarry);
  });

  test("most of what belongs in the new sheet is carried without staff", () => {
    const all = scenarios.map(runScenario);
    const toCarry = all.reduce((n, r) => n + r.toCarry, 0);
    const auto = all.reduce((n, r) => n + r.auto, 0);
    expect(auto / toCarry).toBeGreaterThan(0.7);
  });
});
