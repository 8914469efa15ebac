import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { addAssigned, assignedItemsFromText, judgeAssigned, readAssigned } from "../../src/core/assigned";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { mergeContent, writtenContent, type Content } from "../../src/core/content";
import { isCumulative } from "../../src/core/cumulative";
import {
  QUALITATIVE_ANSWERS,
  RATING_LEVELS,
  STATUSES,
  allIndicators,
  type Actuals,
  type Indicator,
  type Resolution,
} from "../../src/core/model";
import { evaluatePeriod, reviewText } from "../../src/core/report";
import { PERIOD_INFO, type Period } from "../../src/core/words";
import { matchAssigned } from "../../src/workbook/assigned";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { writeXlsx } from "../../src/workbook/xlsx";
import { describeWithTools, recalcToCsv, tempDir } from "../helpers/tools";
import { rng } from "../../support/synthetic";

/**
 * The seed with seven assigned targets (rates, per mille, a rank, money; phrased unlike the
 * resolution) and one extra assigned indicator, random 6-month and year figures, recalculated by
 * LibreOffice: every assigned status and ratio equals the core's judge, the cached values the
 * writer stores equal LibreOffice's, the resolution's own statuses are those of the same workbook
 * without assigned targets, and the Báo cáo sheet says what `chitieu report` says.
 */

const SEED = Number(process.env.SEED ?? Date.now() % 1_000_000);
const PERIODS: Period[] = ["6t", "nam"];
const LIST = readFileSync(path.join(__dirname, "../fixtures/assigned/giao-tinh.txt"), "utf8");

/** A figure around a bound: on it, a little short (within the 5% tolerance), well short, beyond. */
function draw(r: () => number, spec: Indicator, period: Period): number | string | undefined {
  const t = spec.target;
  if (r() < 0.12) return undefined;
  if (t.op === "rating") return RATING_LEVELS[Math.floor(r() * RATING_LEVELS.length)];
  if (t.op === "qualitative") return QUALITATIVE_ANSWERS[Math.floor(r() * 2)];
  if (t.op === "rank") return 1 + Math.floor(r() * (t.value + 3));
  const base = "min" in t ? t.min : t.value;
  const k = isCumulative(spec) && period !== "nam" ? PERIOD_INFO[period].share : 1;
  const lower = t.op === "lte" || t.op === "lt";
  const f = [1, lower ? 1.02 : 0.98, 0.8, 1.2, 1.5, 0.6][Math.floor(r() * 6)]!;
  let a = Math.round(base * k * f * 100) / 100;
  if (spec.unit.startsWith("%")) a = Math.min(a, 100);
  if ("of" in t && t.of !== undefined) a = Math.min(Math.round(a), t.of);
  if (/^(?:đảng viên|mô hình|tập thể|cá nhân|cơ sở|doanh nghiệp|tổ dân phố)$/u.test(spec.unit)) a = Math.round(a);
  return a;
}

interface Seed {
  resolution: Resolution;
  content: Content;
  plain: Content;
  figures: Record<Period, Actuals>;
}

function seed(s: number): Seed {
  const r = rng(s);
  const by = { rows: {}, assignedBy: "tỉnh" };
  const match = matchAssigned(BUILTIN_RESOLUTION, assignedItemsFromText(LIST).items);
  const added = addAssigned(BUILTIN_RESOLUTION, by, match.list);
  const resolution = added.resolution;
  const figures = { "3t": {}, "6t": {}, "9t": {}, nam: {} } as Record<Period, Actuals>;
  for (const ind of allIndicators(resolution)) {
    const phrase = added.content.rows[ind.id]?.assigned;
    const read = phrase !== undefined ? readAssigned(ind, phrase) : null;
    for (const p of PERIODS) {
      // Half the assigned rows are drawn around the assigned level, so its five statuses all occur.
      const around = read?.ok && r() < 0.6 ? read.spec : ind;
      const v = draw(r, around, p);
      if (v !== undefined) figures[p][ind.id] = v;
    }
  }
  const written = writtenContent(resolution, figures);
  const content = mergeContent(written, added.content);
  const plainFigures = writtenContent(BUILTIN_RESOLUTION, figures);
  return { resolution, content, plain: plainFigures, figures };
}

/** Rows of a CSV sheet by Mã, cells by header (never by position). */
function table(rows: string[][]) {
  const head = rows.findIndex((x) => x.includes("Mã") && x.some((v) => v.startsWith("Đánh giá")));
  const header = rows[head]!;
  const byId = new Map<string, (name: string) => string>();
  for (const x of rows.slice(head + 1)) byId.set(x[header.indexOf("Mã")]!, (name) => x[header.indexOf(name)] ?? "");
  return { byId, header };
}

const ratioOf = (s: string): number | null =>
  s === "" ? null : s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);

describeWithTools("assigned targets recalculated by LibreOffice agree with the core", ["soffice"], () => {
  const s = seed(SEED);
  const dir = tempDir("chitieu-assigned-");
  const files = {
    assigned: path.join(dir, "giao.xlsx"),
    plain: path.join(dir, "khong-giao.xlsx"),
    edited: path.join(dir, "sua.xlsx"),
  };
  let lo: ReturnType<typeof recalcToCsv>;
  /** Cached results the writer stored, by Mã and header. */
  const cached = new Map<string, Map<string, unknown>>();

  beforeAll(async () => {
    writeFileSync(
      files.assigned,
      await writeXlsx(buildWorkbookPlan(s.resolution, { content: s.content, periods: PERIODS })),
    );
    writeFileSync(
      files.plain,
      await writeXlsx(buildWorkbookPlan(BUILTIN_RESOLUTION, { content: s.plain, periods: PERIODS })),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.assigned);
    const ws = wb.getWorksheet("Theo dõi")!;
    let header: string[] = [];
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (typeof v === "string" ? v : ""));
      if (values.includes("Mã") && values.includes("Chỉ tiêu tỉnh giao")) header = values;
      else if (header.length > 0) {
        const id = values[header.indexOf("Mã")]!;
        const m = new Map<string, unknown>();
        header.forEach((h, i) => {
          const v = row.getCell(i + 1).value;
          // exceljs leaves out a falsy cached result ("" here): a formula without one cached "".
          const f = v && typeof v === "object" && ("formula" in v || "sharedFormula" in v);
          m.set(h, f ? ((v as { result?: unknown }).result ?? "") : v);
        });
        cached.set(id, m);
      }
    });
    // Staff retype III.1's phrase without the add-in: the formulas keep the last reading, the check says so.
    const idCol = header.indexOf("Mã") + 1;
    const textCol = header.indexOf("Chỉ tiêu tỉnh giao") + 1;
    ws.eachRow((row) => {
      if (row.getCell(idCol).value === "III.1") row.getCell(textCol).value = "dưới 0,3%";
    });
    await wb.xlsx.writeFile(files.edited);
    lo = recalcToCsv(Object.values(files));
  });

  test(`every assigned status and ratio per period equals judgeAssigned, and the cached values LibreOffice's (seed ${SEED})`, () => {
    const { byId } = table(lo.get(files.assigned)!.get("Theo dõi")!);
    const mismatches: string[] = [];
    const seen = new Set<string>();
    let assigned = 0;
    for (const ind of allIndicators(s.resolution)) {
      const row = byId.get(ind.id)!;
      const has = s.content.rows[ind.id]?.assigned !== undefined;
      if (has) assigned++;
      for (const p of PERIODS) {
        const label = PERIOD_INFO[p].label;
        const status = row(`Đánh giá tỉnh giao ${label}`);
        const ratio = ratioOf(row(`So với kế hoạch tỉnh giao ${label}`));
        const j = judgeAssigned(ind, s.content.rows[ind.id], p, 0.05);
        const want = j?.status ?? "";
        if (status !== want) mismatches.push(`${ind.id} ${p}: LibreOffice ${status}, core ${want}`);
        const wr = j?.ratio ?? null;
        if ((ratio === null) !== (wr === null) || (ratio !== null && Math.abs(ratio - wr!) > 1e-9))
          mismatches.push(`${ind.id} ${p} ratio: LibreOffice ${ratio}, core ${wr}`);
        if (j) seen.add(j.status);
        const c = cached.get(ind.id)!;
        const cs = c.get(`Đánh giá tỉnh giao ${label}`) ?? "";
        if (cs !== status) mismatches.push(`${ind.id} ${p}: cached ${String(cs)}, LibreOffice ${status}`);
        const cr = c.get(`So với kế hoạch tỉnh giao ${label}`);
        const crn = typeof cr === "number" ? cr : null;
        if ((crn === null) !== (ratio === null) || (crn !== null && Math.abs(crn - ratio!) > 1e-9))
          mismatches.push(`${ind.id} ${p} ratio: cached ${String(cr)}, LibreOffice ${ratio}`);
      }
      expect(row(`Kiểm tra chỉ tiêu tỉnh giao`)).toBe("");
    }
    expect(mismatches).toEqual([]);
    expect(assigned).toBe(8);
    // The draw puts figures around the assigned levels: at least four of the five statuses occur.
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  test("the resolution's own statuses are those of the same workbook without assigned targets, and the core's", () => {
    const a = table(lo.get(files.assigned)!.get("Theo dõi")!).byId;
    const b = table(lo.get(files.plain)!.get("Theo dõi")!).byId;
    const diffs: string[] = [];
    for (const p of PERIODS) {
      const core = new Map(evaluatePeriod(BUILTIN_RESOLUTION, s.plain, p).map((x) => [x.id, x]));
      for (const ind of allIndicators(BUILTIN_RESOLUTION)) {
        const h = `Đánh giá ${PERIOD_INFO[p].label}`;
        const [x, y] = [a.get(ind.id)!(h), b.get(ind.id)!(h)];
        if (x !== y || x !== core.get(ind.id)!.rule)
          diffs.push(`${ind.id} ${p}: ${x} / ${y} / ${core.get(ind.id)!.rule}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  test("the extra assigned indicator has its row in section GX", () => {
    const { byId } = table(lo.get(files.assigned)!.get("Theo dõi")!);
    expect(byId.get("GX")!("Chỉ tiêu")).toBe("Chỉ tiêu tỉnh giao khác");
    expect(byId.get("GX.1")!("Chỉ tiêu")).toBe("Số doanh nghiệp thành lập mới");
    expect(byId.get("GX.1")!("Chỉ tiêu tỉnh giao")).toBe("15 doanh nghiệp");
  });

  test("the Báo cáo sheet says what the review text says, the assigned sentence's counts from the sheet's own statuses", async () => {
    const report = lo.get(files.assigned)!.get("Báo cáo")!;
    const lines = report
      .slice(3)
      .map((x) => x[0] ?? "")
      .filter((x) => x !== "");
    expect(lines).toEqual(PERIODS.flatMap((p) => reviewText(s.resolution, s.content, p)));
    // The counts, from LibreOffice's assigned statuses, as semantics section 10 words them.
    const { byId } = table(lo.get(files.assigned)!.get("Theo dõi")!);
    for (const p of PERIODS) {
      const got = [...byId.values()]
        .map((row) => row(`Đánh giá tỉnh giao ${PERIOD_INFO[p].label}`))
        .filter((x) => x !== "");
      const c = (x: string) => got.filter((y) => y === x).length;
      const [V, D, C, K, X] = STATUSES.map(c);
      const sentence = `Về chỉ tiêu tỉnh giao: có ${V! + D!}/${got.length} chỉ tiêu đạt và vượt (vượt ${V}, đạt ${D}), ${C} chỉ tiêu cơ bản đạt, ${K} chỉ tiêu không đạt, ${X} chỉ tiêu chưa có số liệu.`;
      expect(lines).toContain(sentence);
      // Tổng hợp: the assigned table's row for the period counts the same.
      const summary = lo.get(files.assigned)!.get("Tổng hợp")!;
      const title = summary.findIndex((x) => x[0]?.startsWith("Chỉ tiêu tỉnh giao"));
      const counts = summary.slice(title + 2).find((x) => x[0] === PERIOD_INFO[p].label)!;
      expect(counts.slice(2, 8).map(Number)).toEqual([V, D, C, K, X, got.length]);
      // `chitieu report` from the actuals file with $assigned says the same.
      const json = path.join(dir, `so-lieu-${p}.json`);
      const entries: Record<string, unknown> = {};
      for (const q of PERIODS)
        for (const [id, v] of Object.entries(s.figures[q])) ((entries[id] ??= {}) as Record<string, unknown>)[q] = v;
      const assigned = Object.fromEntries(
        Object.entries(s.content.rows).flatMap(([id, row]) =>
          row.assigned === undefined
            ? []
            : [[id.startsWith("GX.") ? "Số doanh nghiệp thành lập mới" : id, row.assigned]],
        ),
      );
      writeFileSync(json, JSON.stringify({ ...entries, $assigned: assigned, $assignedBy: "tỉnh" }));
      const { main } = await import("../../src/cli/main");
      let out = "";
      const code = await main(["report", "--actuals", json, "--period", p], {
        stdout: (t) => void (out += t),
        stderr: () => undefined,
        stdin: async () => Buffer.from(""),
      });
      expect(code).toBe(0);
      expect(out.split("\n")[1]).toBe(sentence);
      // The resolution's own count leaves the extra assigned indicator out: the overall sentence and
      // Tổng hợp's "Tổng cộng" are those of the same workbook without assigned targets.
      const plain = lo.get(files.plain)!;
      const overall = (rows: string[][]) =>
        rows.map((x) => x[0] ?? "").find((x) => x.startsWith(`Kết quả ${PERIOD_INFO[p].label}`));
      expect(overall(report)).toBe(overall(plain.get("Báo cáo")!));
      expect(overall(report)).toContain(`/${allIndicators(BUILTIN_RESOLUTION).length} chỉ tiêu`);
      const totals = (rows: string[][]) => {
        const head = rows.findIndex(
          (x) => x[0] === `Kết quả ${PERIOD_INFO[p].label}` || x[0]?.startsWith(`Kết quả ${PERIOD_INFO[p].label} (`),
        );
        return rows
          .slice(head)
          .find((x) => x[1] === "Tổng cộng")!
          .slice(2, 8);
      };
      expect(totals(summary)).toEqual(totals(plain.get("Tổng hợp")!));
      const gx = summary.find((x) => x[0] === "GX");
      expect(gx?.[1]).toBe("Chỉ tiêu tỉnh giao khác");
    }
  });

  test("a phrase retyped without the add-in: statuses keep the last reading, the check says so", () => {
    const { byId } = table(lo.get(files.edited)!.get("Theo dõi")!);
    const before = table(lo.get(files.assigned)!.get("Theo dõi")!).byId.get("III.1")!;
    const row = byId.get("III.1")!;
    expect(row("Chỉ tiêu tỉnh giao")).toBe("dưới 0,3%");
    expect(row("Kiểm tra chỉ tiêu tỉnh giao")).toBe(
      "Chỉ tiêu giao đã sửa nhưng chưa được đọc lại (mở bổ trợ Chỉ tiêu); đang đánh giá theo “dưới 0,5%”.",
    );
    for (const p of PERIODS) {
      const h = `Đánh giá tỉnh giao ${PERIOD_INFO[p].label}`;
      expect(row(h)).toBe(before(h));
    }
  });
});
