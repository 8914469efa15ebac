import type { Target } from "./model";
import { nearMissBound } from "./tolerance";
import { QUALITATIVE_ANSWERS, RATING_LEVELS, STATUS, type Status } from "./words";

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

/**
 * The fields a target of the kind has in JSON: comparison {value, of?}, range {min, max},
 * rank {value ≥ 1, whole}, rating {level}, qualitative {}. The schema in model.ts is built from it.
 */
export type Shape = "comparison" | "range" | "rank" | "rating" | "qualitative";

export interface StatusRule {
  shape: Shape;
  /** How staff see and pick the kind in the sheet's "Kiểu chỉ tiêu" column. */
  label: string;
  scale: Scale;
  /** Met when figure <met> bound. */
  met: Cmp;
  /** "Vượt" when also figure <cmp> bound (or the stretch goal); null: never "Vượt". */
  exceeds: { cmp: Cmp; of: "bound" | "stretch" } | null;
  /** "Cơ bản đạt" when not met but within the tolerance: higher is better (≥ bound × (1 − t)) or lower (≤ bound × (1 + t)). */
  nearMiss: "higher" | "lower" | null;
  /**
   * Completion ratio figure ÷ bound (a range's min) for every measured kind, and the verb the review
   * text reads it with: "đạt" when higher is better, "bằng" when lower is ("chi bằng 97,8% dự toán");
   * null: none (semantics sections 2 and 8).
   */
  ratio: "đạt" | "bằng" | null;
}

const NUMBER: Scale = { kind: "number" };

export const STATUS_RULES = {
  gte: {
    shape: "comparison",
    label: "≥",
    scale: NUMBER,
    met: ">=",
    exceeds: { cmp: ">", of: "bound" },
    nearMiss: "higher",
    ratio: "đạt",
  },
  gt: {
    shape: "comparison",
    label: ">",
    scale: NUMBER,
    met: ">",
    exceeds: null,
    nearMiss: "higher",
    ratio: "đạt",
  },
  lte: {
    shape: "comparison",
    label: "≤",
    scale: NUMBER,
    met: "<=",
    exceeds: { cmp: "<", of: "bound" },
    nearMiss: "lower",
    ratio: "bằng",
  },
  lt: {
    shape: "comparison",
    label: "<",
    scale: NUMBER,
    met: "<",
    exceeds: null,
    nearMiss: "lower",
    ratio: "bằng",
  },
  range: {
    shape: "range",
    label: "từ - đến",
    scale: NUMBER,
    met: ">=",
    exceeds: { cmp: ">", of: "stretch" },
    nearMiss: "higher",
    ratio: "đạt",
  },
  rank: {
    shape: "rank",
    label: "thứ hạng",
    scale: NUMBER,
    met: "<=",
    exceeds: { cmp: "<", of: "bound" },
    nearMiss: null,
    ratio: null,
  },
  rating: {
    shape: "rating",
    label: "xếp loại",
    scale: { kind: "words", words: RATING_LEVELS },
    met: "<=",
    exceeds: { cmp: "<", of: "bound" },
    nearMiss: null,
    ratio: null,
  },
  // The last kind is also the sheet formula's fallback.
  qualitative: {
    shape: "qualitative",
    label: "định tính",
    scale: { kind: "words", words: QUALITATIVE_ANSWERS },
    met: "<=",
    exceeds: null,
    nearMiss: null,
    ratio: null,
  },
} as const satisfies Record<string, StatusRule>;

export type TargetOp = keyof typeof STATUS_RULES;
/** The kinds whose targets have the given shape. */
export type OpsOfShape<S extends Shape> = {
  [K in TargetOp]: (typeof STATUS_RULES)[K]["shape"] extends S ? K : never;
}[TargetOp];

export const TARGET_OPS = Object.keys(STATUS_RULES) as TargetOp[];
export const ruleOf = (op: TargetOp): StatusRule => STATUS_RULES[op];

/** The target's bound and stretch goal as written: a number, or a word of the rule's scale. */
export function targetBounds(t: Target): { bound: number | string; stretch: number | null } {
  if ("min" in t) return { bound: t.min, stretch: t.max };
  if ("level" in t) return { bound: t.level, stretch: null };
  if ("value" in t) return { bound: t.value, stretch: null };
  return { bound: QUALITATIVE_ANSWERS[0], stretch: null };
}

/** A status from the rule, given comparisons on the rule's scale (cmp(a, b) is −1, 0 or 1). */
export function applyRule(
  rule: StatusRule,
  figure: number,
  bound: number,
  stretch: number | null,
  tolerance: number,
  compare: (a: number, b: number) => -1 | 0 | 1,
): Exclude<Status, typeof STATUS.noFigure> {
  const holds = (a: number, cmp: Cmp, b: number) => {
    const c = compare(a, b);
    return cmp === ">=" ? c >= 0 : cmp === ">" ? c > 0 : cmp === "<=" ? c <= 0 : c < 0;
  };
  if (holds(figure, rule.met, bound)) {
    const ex = rule.exceeds;
    return ex && holds(figure, ex.cmp, ex.of === "bound" ? bound : (stretch ?? bound)) ? STATUS.exceeded : STATUS.met;
  }
  if (rule.nearMiss === "higher" && holds(figure, ">=", nearMissBound(bound, tolerance, "higher")))
    return STATUS.nearMiss;
  if (rule.nearMiss === "lower" && holds(figure, "<=", nearMissBound(bound, tolerance, "lower")))
    return STATUS.nearMiss;
  return STATUS.notMet;
}

/** Position (1-based) of a word on a words scale, or null. */
export function wordPosition(scale: Scale, word: string): number | null {
  if (scale.kind !== "words") return null;
  const i = scale.words.indexOf(word);
  return i < 0 ? null : i + 1;
}

/**
 * Whether a cumulative indicator's target is pro-rated before the year's end (semantics section 6):
 * every number of a comparison or a range; never a rank, a rating level or a qualitative answer.
 */
export const prorates = (op: TargetOp): boolean => {
  const shape = STATUS_RULES[op].shape;
  return shape === "comparison" || shape === "range";
};

/** The statuses that count as met ("đạt và vượt"): summaries and the pane count these. */
export const MET_STATUSES = [STATUS.exceeded, STATUS.met] as const satisfies readonly Status[];
