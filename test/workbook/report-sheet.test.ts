import { writeFileSync } from "fs";
import * as path from "path";
import {
  RATING_LEVELS,
  STATUSES,
  allIndicators,
  type Resolution,
  type Status,
  type Target,
} from "../../src/core/model";
import type { Period } from "../../src/core/periods";
import { describeWithTools, recalcToCsv, tempDir } from "../helpers/tools";
import { rng, syntheticResolution } from "../../support/synthetic";

/**
 * Workbooks with 6-month, 9-month and year figures, staff's own assessments, Cộng dồn choices and
 * estimate flags, recalculated by LibreOffice, against an evaluator written here from semantics.md
 * sections 2, 6 and 7 (not the product's judge), and against `chitieu evaluate`.
 */

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);
const SHARE: Record<Period, number> = { "3t": 3 / 12, "6t": 6 / 12, "9t": 9 / 12, nam: 1 };
const LABEL: Record<Period, string> = { "3t": "3 tháng", "6t": "6 tháng", "9t": "9 tháng", nam: "cả năm" };
const INTEGER_UNITS = new Set(["người", "tổ dân phố", "đảng viên", "thứ hạng"]);
const TOLERANCE = 0.05;

type Figure = number | string | undefined;

/** Percentages and per-mille as the sheet holds them. */
const excel = (x: number, unit: string) => (unit.startsWith("%") ? x / 100 : unit === "‰" ? x / 1000 : x);
const hasNumbers = (t: Target) => t.op !== "rank" && t.op !== "rating" && t.op !== "qualitative";

/** semantics.md section 2, with section 6's pro-rating of a cumulative target before the year's end. */
function ruleStatus(t: Target, unit: string, a: Figure, period: Period, cumulative: boolean): Status {
  if (a === undefined) return "Chưa có số liệu";
  const k = cumulative && hasNumbers(t) ? SHARE[period] : 1;
  const near = (met: boolean, exceeds: boolean, almost: boolean): Status =>
    met ? (exceeds ? "Vượt" : "Đạt") : almost ? "Cơ bản đạt" : "Không đạt";
  if (t.op === "rating") {
    const [x, y] = [RATING_LEVELS.indexOf(a as never), RATING_LEVELS.indexOf(t.level)];
    return x <= y ? (x < y ? "Vượt" : "Đạt") : "Không đạt";
  }
  if (t.op === "qualitative") return a === "Đạt" ? "Đạt" : "Không đạt";
  const A = excel(a as number, unit);
  if (t.op === "rank") return A <= t.value ? (A < t.value ? "Vượt" : "Đạt") : "Không đạt";
  if (t.op === "range") {
    const [min, max] = [excel(t.min, unit) * k, excel(t.max, unit) * k];
    return near(A >= min, A > max, A >= min * (1 - TOLERANCE));
  }
  const V = excel(t.value, unit) * k;
  switch (t.op) {
    case "gte":
      return near(A >= V, A > V, A >= V * (1 - TOLERANCE));
    case "gt":
      return near(A > V, false, A >= V * (1 - TOLERANCE));
    case "lte":
      return near(A <= V, A < V, A <= V * (1 + TOLERANCE));
    default:
      return near(A < V, false, A <= V * (1 + TOLERANCE));
  }
}

/** Every number a status flips at, for a target in a period (figures too close to one are not drawn). */
function boundaries(t: Target, unit: string, period: Period, cumulative: boolean): number[] {
  if (!hasNumbers(t)) return [];
  const k = cumulative ? SHARE[period] : 1;
  const bounds = "min" in t ? [t.min, t.max] : "value" in t ? [t.value] : [];
  return bounds.flatMap((b) => [b * k, b * k * (1 - TOLERANCE), b * k * (1 + TOLERANCE)]).map((b) => excel(b, unit));
}

function drawFigure(r: () => number, t: Target, unit: string, period: Period, cumulative: boolean): Figure {
  if (r() < 0.15) return undefined;
  if (t.op === "rating") return RATING_LEVELS[Math.floor(r() * RATING_LEVELS.length)];
  if (t.op === "qualitative") return r() < 0.5 ? "Đạt" : "Không đạt";
  if (t.op === "rank") return 1 + Math.floor(r() * (t.value + 2));
  const base = "min" in t ? t.min : t.value;
  // One figure in five just misses its period's target (within the tolerance), so every period of
  // even a small sheet has a "Cơ bản đạt" to check.
  const k = cumulative && SHARE[period] < 1 ? SHARE[period] : 1;
  const lower = t.op === "lte" || t.op === "lt";
  const f =
    r() < 0.2
      ? k * (lower ? 1.03 : 0.97)
      : [0, 0.3, 0.49, 0.6, 0.74, 0.8, 0.96, 1, 1.04, 1.3, 2][Math.floor(r() * 11)]!;
  const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
  let a = INTEGER_UNITS.has(unit)
    ? Math.round(base * f)
    : unit.startsWith("%")
      ? round(base * f, 1)
      : round(base * f, 2);
  if (unit.startsWith("%")) a = Math.min(a, 100);
  if (unit === "‰") a = Math.min(a, 1000);
  // A count out of a whole ("8/10 tổ dân phố") cannot exceed the whole.
  if ("of" in t && t.of !== undefined) a = Math.min(a, t.of);
  // A figure on the target itself is exact in every engine; one a hair from a computed bound is not drawn.
  if (a === base && !(cumulative && SHARE[period] < 1)) return a;
  const A = excel(a, unit);
  const close = boundaries(t, unit, period, cumulative).some((b) => Math.abs(A - b) <= 1e-9 * Math.max(1, Math.abs(b)));
  return close ? undefined : a;
}

interface Scenario {
  resolution: Resolution;
  periods: Period[];
  figures: Record<Period, Record<string, Figure>>;
  overrides: Record<string, { status: Status; reason: string }>;
  estimates: Period[];
}

function scenario(seed: number, n: number, periods: Period[]): Scenario {
  const r = rng(seed);
  const base = syntheticResolution(n, seed);
  const resolution: Resolution = {
    ...base,
    sections: base.sections.map((s) => ({
      ...s,
      indicators: s.indicators.map((i) => ({ ...i, cumulative: hasNumbers(i.target) && r() < 0.5 })),
    })),
  };
  const figures = { "3t": {}, "6t": {}, "9t": {}, nam: {} } as Scenario["figures"];
  const overrides: Scenario["overrides"] = {};
  for (const ind of allIndicators(resolution)) {
    for (const p of periods) figures[p][ind.id] = drawFigure(r, ind.target, ind.unit, p, ind.cumulative!);
    if (r() < 0.15)
      overrides[ind.id] = {
        status: STATUSES[Math.floor(r() * STATUSES.length)]!,
        reason: r() < 0.8 ? "Cấp ủy đánh giá theo tình hình thực tế" : "",
      };
  }
  const estimates = periods.filter(() => r() < 0.5);
  return { resolution, periods, figures, overrides, estimates };
}

/** The actuals JSON of interfaces.md for a scenario. */
function actualsJson(s: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ind of allIndicators(s.resolution)) {
    const entry = Object.fromEntries(
      s.periods.flatMap((p) => (s.figures[p][ind.id] === undefined ? [] : [[p, s.figures[p][ind.id]]])),
    );
    if (Object.keys(entry).length > 0) out[ind.id] = entry;
  }
  return { ...out, $estimates: s.estimates, $overrides: s.overrides };
}

/** The expected statuses: each period's rule, and the year's final (staff's word when chosen). */
function expected(s: Scenario) {
  const out = new Map<string, Partial<Record<Period | "final", Status>>>();
  for (const ind of allIndicators(s.resolution)) {
    const e: Partial<Record<Period | "final", Status>> = {};
    for (const p of s.periods) e[p] = ruleStatus(ind.target, ind.unit, s.figures[p][ind.id], p, ind.cumulative!);
    if (s.periods.includes("nam")) e.final = s.overrides[ind.id]?.status ?? e.nam!;
    out.set(ind.id, e);
  }
  return out;
}

const header = (p: Period, periods: Period[]) => (periods.length === 1 ? "Đánh giá" : `Đánh giá ${LABEL[p]}`);

function overall(s: Scenario, p: Period, statuses: Status[]): string {
  const c = (x: Status) => statuses.filter((y) => y === x).length;
  return (
    `Kết quả ${s.estimates.includes(p) ? "ước " : ""}${LABEL[p]}: có ${c("Vượt") + c("Đạt")}/${statuses.length} chỉ tiêu đạt và vượt ` +
    `(vượt ${c("Vượt")}, đạt ${c("Đạt")}), ${c("Cơ bản đạt")} chỉ tiêu cơ bản đạt, ${c("Không đạt")} chỉ tiêu không đạt, ` +
    `${c("Chưa có số liệu")} chỉ tiêu chưa có số liệu.`
  );
}

describeWithTools(
  "review periods recalculated by LibreOffice agree with semantics.md sections 6–8",
  ["soffice"],
  () => {
    const scenarios = [
      { name: "sau-thang-ca-nam", s: scenario(SEED, 160, ["6t", "nam"]) },
      { name: "ba-ky", s: scenario(SEED + 1, 90, ["6t", "9t", "nam"]) },
      { name: "bon-ky", s: scenario(SEED + 2, 60, ["3t", "6t", "9t", "nam"]) },
    ];
    const dir = tempDir("chitieu-periods-");
    const files = new Map<string, string>();
    let vi: ReturnType<typeof recalcToCsv>;
    let en: ReturnType<typeof recalcToCsv>;

    beforeAll(async () => {
      for (const { name, s } of scenarios) {
        const json = path.join(dir, `${name}.json`);
        const res = path.join(dir, `${name}-nq.json`);
        writeFileSync(json, JSON.stringify(actualsJson(s)));
        writeFileSync(res, JSON.stringify(s.resolution));
        const { main } = await import("../../src/cli/main");
        const out = path.join(dir, `${name}.xlsx`);
        let err = "";
        const io = {
          stdout: () => undefined,
          stderr: (t: string) => void (err += t),
          stdin: async () => Buffer.from(""),
        };
        const args = [
          "workbook",
          "--resolution",
          res,
          "--actuals",
          json,
          "--periods",
          s.periods.join(","),
          "--out",
          out,
        ];
        expect([await main(args, io), err]).toEqual([0, expect.stringMatching(/Đã ghi .*\.xlsx/u)]);
        files.set(name, out);
      }
      vi = recalcToCsv([...files.values()], true, "vi-VN");
      en = recalcToCsv([...files.values()], true, "en-US");
    }, 240_000);

    test.each(scenarios.map((x) => [x.name, x.s] as const))(
      `%s: every period's status and the year's Kết quả, in every row, as the sections say; chitieu evaluate agrees (seed ${SEED})`,
      async (name, s) => {
        const rows = vi.get(files.get(name)!)!.get("Theo dõi")!;
        const head = rows.findIndex((r) => r.includes("Mã") && r.includes("Cộng dồn"));
        const at = (h: string) => rows[head]!.indexOf(h);
        const want = expected(s);
        const { main } = await import("../../src/cli/main");
        let printed = "";
        const io = {
          stdout: (t: string) => void (printed += t),
          stderr: () => undefined,
          stdin: async () => Buffer.from(""),
        };
        const json = path.join(dir, `${name}.json`);
        expect(await main(["evaluate", "--resolution", path.join(dir, `${name}-nq.json`), "--actuals", json], io)).toBe(
          0,
        );
        const cli = JSON.parse(printed) as Record<string, Record<string, { status: Status } | Status>>;
        const mismatches: string[] = [];
        const seen = new Set<string>();
        for (const ind of allIndicators(s.resolution)) {
          const row = rows.find((r) => r[at("Mã")] === ind.id);
          const e = want.get(ind.id)!;
          for (const p of s.periods) {
            const sheet = row?.[at(header(p, s.periods))];
            const fromCli = (cli[ind.id]![p] as { status: Status }).status;
            seen.add(`${p}:${e[p]}`);
            if (sheet !== e[p] || fromCli !== e[p])
              mismatches.push(
                `${ind.id} ${p} ${JSON.stringify(ind.target)} ${ind.unit} cộng dồn=${ind.cumulative} a=${s.figures[p][ind.id]}: want ${e[p]}, sheet ${sheet}, evaluate ${fromCli}`,
              );
          }
          const final = row?.[at("Kết quả")];
          if (final !== e.final || cli[ind.id]!.final !== e.final)
            mismatches.push(`${ind.id} final: want ${e.final}, sheet ${final}, evaluate ${String(cli[ind.id]!.final)}`);
        }
        expect(mismatches).toEqual([]);
        // The figures reach every status in every period, so no branch goes untested.
        for (const p of s.periods) for (const st of STATUSES) expect(seen).toContain(`${p}:${st}`);
      },
    );

    test.each(scenarios.map((x) => [x.name, x.s] as const))(
      "%s: the Báo cáo sheet's overall sentences are section 8's template, in vi-VN and in en-US",
      (name, s) => {
        const want = expected(s);
        const ids = allIndicators(s.resolution).map((i) => i.id);
        const sentences = s.periods.map((p) =>
          overall(
            s,
            p,
            ids.map((id) => want.get(id)![p === "nam" ? "final" : p]!),
          ),
        );
        for (const book of [vi, en]) {
          const column = book
            .get(files.get(name)!)!
            .get("Báo cáo")!
            .map((r) => r[0] ?? "");
          const found = column.filter((t) => t.startsWith("Kết quả "));
          expect(found).toEqual(sentences);
        }
        // The locales really differ: the same figure cell is shown with each one's separators.
        const shown = (book: typeof vi) => book.get(files.get(name)!)!.get("Theo dõi")!.flat().join("|");
        expect(shown(vi)).not.toBe(shown(en));
      },
    );

    test.each(scenarios.map((x) => [x.name, x.s] as const))(
      "%s: every sentence of the Báo cáo sheet is the one `chitieu report` prints, in both locales",
      async (name, s) => {
        const { main } = await import("../../src/cli/main");
        const expectedText: string[] = [];
        for (const p of s.periods) {
          let printed = "";
          const io = {
            stdout: (t: string) => void (printed += t),
            stderr: () => undefined,
            stdin: async () => Buffer.from(""),
          };
          const args = [
            "report",
            "--resolution",
            path.join(dir, `${name}-nq.json`),
            "--actuals",
            path.join(dir, `${name}.json`),
          ];
          expect(await main([...args, "--period", p], io)).toBe(0);
          expectedText.push(...printed.trim().split("\n"));
        }
        for (const book of [vi, en]) {
          const rows = book.get(files.get(name)!)!.get("Báo cáo")!;
          const sentences = rows
            .slice(3)
            .map((r) => r[0] ?? "")
            .filter((t) => t !== "");
          expect(sentences).toEqual(expectedText);
        }
      },
    );
  },
);
