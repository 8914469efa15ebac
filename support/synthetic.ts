import {
  RATING_LEVELS,
  ResolutionSchema,
  type ActualValue,
  type Actuals,
  type Indicator,
  type Resolution,
  type Target,
  type ComparisonOp,
} from "../src/core/model";
import { romanNumeral } from "../src/core/ids";
import { STATUS_RULES, TARGET_OPS } from "../src/core/rules";
import { filledCell, writtenContent, type Content } from "../src/core/content";
import type { Period } from "../src/core/words";

/** A small seeded PRNG (mulberry32) so a failing run can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = { target: (r: () => number) => Target; unit: string; targetText?: string };
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const dec = (r: () => number, max: number, places: number) => Math.round(r() * max * 10 ** places) / 10 ** places;

/** Every target kind against every kind of measure. */
const KINDS: Kind[] = [
  ...TARGET_OPS.filter((op): op is ComparisonOp => STATUS_RULES[op].shape === "comparison").flatMap((op): Kind[] => [
    { unit: "%", target: (r) => ({ op, value: dec(r, 100, 1) }) },
    { unit: "triệu đồng", target: (r) => ({ op, value: Math.round(r() * 50000) }) },
    { unit: "người", target: (r) => ({ op, value: 1 + Math.round(r() * 300) }) },
    { unit: "ha", target: (r) => ({ op, value: dec(r, 500, 2) }) },
  ]),
  { unit: "‰", target: (r) => ({ op: "lte", value: dec(r, 30, 1) }) },
  { unit: "%/năm", target: (r) => ({ op: "gte", value: dec(r, 15, 1) }), targetText: "tăng bình quân" },
  { unit: "tổ dân phố", target: (r) => ({ op: "gte", value: 5 + Math.round(r() * 5), of: 10 }) },
  {
    unit: "đảng viên",
    target: (r) => {
      const min = 1 + Math.round(r() * 20);
      return { op: "range", min, max: min + Math.round(r() * 5) };
    },
  },
  {
    unit: "%",
    target: (r) => {
      const min = dec(r, 80, 1);
      return { op: "range", min, max: Math.min(100, Number((min + dec(r, 20, 1)).toFixed(1))) };
    },
  },
  { unit: "thứ hạng", target: (r) => ({ op: "rank", value: 1 + Math.round(r() * 20) }) },
  { unit: "", target: (r) => ({ op: "rating", level: pick(r, RATING_LEVELS) }) },
  { unit: "", target: () => ({ op: "qualitative" }) },
];

/** `n` indicators of every kind, in `sections` parts (6 by default). */
export function syntheticResolution(n: number, seed = 1, sections = 6): Resolution {
  const r = rng(seed);
  const perSection = Math.max(1, Math.ceil(n / sections));
  const ids = Array.from({ length: sections }, (_, k) => romanNumeral(k + 1));
  const indicators: Indicator[] = [];
  for (let k = 0; k < n; k++) {
    const kind = KINDS[k % KINDS.length]!;
    const s = ids[Math.floor(k / perSection)]!;
    indicators.push({
      id: `${s}.${(k % perSection) + 1}`,
      text: `Chỉ tiêu thử số ${k + 1} (${kind.unit || "định tính"})`,
      unit: kind.unit,
      target: kind.target(r),
      ...(kind.targetText ? { targetText: `${kind.targetText} (thử)` } : {}),
    });
  }
  return ResolutionSchema.parse({
    title: `Nghị quyết thử với ${n} chỉ tiêu`,
    organization: "Phường Thử Nghiệm",
    year: 2026,
    sections: ids
      .map((id) => ({ id, title: `PHẦN ${id}`, indicators: indicators.filter((i) => i.id.startsWith(`${id}.`)) }))
      .filter((s) => s.indicators.length > 0),
    warnings: [],
  });
}

/** Figures that land on and around every boundary, plus blanks and wrong figures (as pasted). */
export function syntheticFigures(res: Resolution, seed: number, tolerance: number): Actuals {
  const r = rng(seed);
  const out: Actuals = {};
  for (const ind of res.sections.flatMap((s) => s.indicators)) {
    const t = ind.target;
    let v: ActualValue;
    if (t.op === "rating") v = pick(r, [...RATING_LEVELS, "", "Tốt", "hoàn thành tốt nhiệm vụ"]);
    else if (t.op === "qualitative") v = pick(r, ["Đạt", "Không đạt", "", "đạt", "Có"]);
    else {
      const base = t.op === "range" ? pick(r, [t.min, t.max]) : t.value;
      const integer = !/%|‰|đồng|ha/u.test(ind.unit);
      const step = integer ? 1 : ind.unit.startsWith("%") ? 0.1 : 0.01;
      const candidates: ActualValue[] = [
        base,
        base + step,
        base - step,
        base * (1 - tolerance),
        base * (1 + tolerance),
        base * (1 - tolerance) - step,
        base * (1 + tolerance) + step,
        0,
        null,
        "abc",
        -step,
        integer ? base + 0.5 : base * 3 + 101,
        dec(r, base * 2 + 10, integer ? 0 : 2),
      ];
      v = pick(r, candidates);
      if (typeof v === "number") v = Number(v.toPrecision(12));
    }
    if (v !== "" && v !== null) out[ind.id] = v;
  }
  return out;
}

/** Figures as written and the rest of an actuals file, as the content a plan is built from (tests and bench). */
export function writtenFile(
  r: Resolution,
  o: {
    actuals?: Actuals;
    periods?: Partial<Record<Period, Actuals>>;
    estimates?: readonly Period[];
    overrides?: Record<string, { status: string; reason: string }>;
    notes?: Record<string, string>;
    tolerance?: number;
    /** Last year's figures of the same periods ("Cùng kỳ"), as written. */
    previous?: Partial<Record<Period, Actuals>>;
  },
): Content {
  const content = writtenContent(r, { ...o.periods, ...(o.actuals ? { nam: o.actuals } : {}) }, o.previous);
  const row = (id: string) => (content.rows[id] ??= { figures: {} });
  for (const [id, override] of Object.entries(o.overrides ?? {})) row(id).override = override;
  for (const [id, note] of Object.entries(o.notes ?? {})) row(id).note = note;
  return {
    ...content,
    ...(o.estimates ? { estimates: o.estimates } : {}),
    ...(o.tolerance !== undefined ? { tolerance: o.tolerance } : {}),
  };
}

/** One period's filled figures of a content, by Mã (what a test compares). */
export const figuresOf = (c: Content, p: Period): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(c.rows).flatMap(([id, row]) => (filledCell(row.figures[p]) ? [[id, row.figures[p]]] : [])),
  );
export const notesOf = (c: Content): Record<string, string> =>
  Object.fromEntries(Object.entries(c.rows).flatMap(([id, row]) => (row.note !== undefined ? [[id, row.note]] : [])));
export const overridesOf = (c: Content): Record<string, { status: string; reason: string }> =>
  Object.fromEntries(
    Object.entries(c.rows).flatMap(([id, row]) => (row.override !== undefined ? [[id, row.override]] : [])),
  );

/** Figures as cells hold them (Excel form), by Mã, for one period (the year unless given). */
export const cellContent = (figures: Record<string, unknown>, p: Period = "nam"): Content => ({
  rows: Object.fromEntries(Object.entries(figures).map(([id, v]) => [id, { figures: { [p]: v } }])),
});
