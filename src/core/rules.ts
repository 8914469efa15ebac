import { QUALITATIVE_ANSWERS, RATING_LEVELS, type Status, type Target, type TargetOp } from "./model";

/**
 * The status rules of every target kind, as data. judge() walks this table and the sheet's
 * native formulas are generated from it, so the two cannot drift apart.
 *
 * A figure and its target are first put on one scale (a number, the position of a rating
 * level, the position of a qualitative answer); then each rule compares the figure with the
 * target's bound (value, or min of a range) and, for "Vượt", its stretch goal (max of a range).
 */
export type Cmp = ">=" | ">" | "<=" | "<";

/** What the figure and the target are compared as: numbers, or positions in a list of words (1 is best). */
export type Scale = { kind: "number" } | { kind: "words"; words: readonly string[] };

export interface StatusRule {
  scale: Scale;
  /** Met when figure <met> bound. */
  met: Cmp;
  /** "Vượt" when also figure <cmp> bound (or the stretch goal); null: never "Vượt". */
  exceeds: { cmp: Cmp; of: "bound" | "stretch" } | null;
  /** "Cơ bản đạt" when not met but within the tolerance: higher is better (≥ bound × (1 − t)) or lower (≤ bound × (1 + t)). */
  nearMiss: "higher" | "lower" | null;
  /** Completion ratio: figure ÷ bound, or bound ÷ figure; null: none. */
  ratio: "figure/bound" | "bound/figure" | null;
}

const NUMBER: Scale = { kind: "number" };

export const STATUS_RULES: Record<TargetOp, StatusRule> = {
  gte: { scale: NUMBER, met: ">=", exceeds: { cmp: ">", of: "bound" }, nearMiss: "higher", ratio: "figure/bound" },
  gt: { scale: NUMBER, met: ">", exceeds: null, nearMiss: "higher", ratio: "figure/bound" },
  lte: { scale: NUMBER, met: "<=", exceeds: { cmp: "<", of: "bound" }, nearMiss: "lower", ratio: "bound/figure" },
  lt: { scale: NUMBER, met: "<", exceeds: null, nearMiss: "lower", ratio: "bound/figure" },
  range: { scale: NUMBER, met: ">=", exceeds: { cmp: ">", of: "stretch" }, nearMiss: "higher", ratio: "figure/bound" },
  rank: { scale: NUMBER, met: "<=", exceeds: { cmp: "<", of: "bound" }, nearMiss: null, ratio: null },
  rating: {
    scale: { kind: "words", words: RATING_LEVELS },
    met: "<=",
    exceeds: { cmp: "<", of: "bound" },
    nearMiss: null,
    ratio: null,
  },
  qualitative: {
    scale: { kind: "words", words: QUALITATIVE_ANSWERS },
    met: "<=",
    exceeds: null,
    nearMiss: null,
    ratio: null,
  },
};

/** The target's bound and stretch goal as written: a number, or a word of the rule's scale. */
export function targetBounds(t: Target): { bound: number | string; stretch: number | null } {
  switch (t.op) {
    case "range":
      return { bound: t.min, stretch: t.max };
    case "rating":
      return { bound: t.level, stretch: null };
    case "qualitative":
      return { bound: QUALITATIVE_ANSWERS[0], stretch: null };
    default:
      return { bound: t.value, stretch: null };
  }
}

/** A status from the rule, given comparisons on the rule's scale (cmp(a, b) is −1, 0 or 1). */
export function applyRule(
  rule: StatusRule,
  figure: number,
  bound: number,
  stretch: number | null,
  tolerance: number,
  compare: (a: number, b: number) => -1 | 0 | 1,
): Exclude<Status, "Chưa có số liệu"> {
  const holds = (a: number, cmp: Cmp, b: number) => {
    const c = compare(a, b);
    return cmp === ">=" ? c >= 0 : cmp === ">" ? c > 0 : cmp === "<=" ? c <= 0 : c < 0;
  };
  if (holds(figure, rule.met, bound)) {
    const ex = rule.exceeds;
    return ex && holds(figure, ex.cmp, ex.of === "bound" ? bound : (stretch ?? bound)) ? "Vượt" : "Đạt";
  }
  if (rule.nearMiss === "higher" && holds(figure, ">=", bound * (1 - tolerance))) return "Cơ bản đạt";
  if (rule.nearMiss === "lower" && holds(figure, "<=", bound * (1 + tolerance))) return "Cơ bản đạt";
  return "Không đạt";
}

/** Position (1-based) of a word on a words scale, or null. */
export function wordPosition(scale: Scale, word: string): number | null {
  if (scale.kind !== "words") return null;
  const i = scale.words.indexOf(word);
  return i < 0 ? null : i + 1;
}

/** The statuses that count as met ("đạt và vượt"): summaries and the pane count these. */
export const MET_STATUSES = ["Vượt", "Đạt"] as const satisfies readonly Status[];
