import { z } from "zod/mini";
import { describeValue } from "./zod-vi";

import { STATUS_RULES, TARGET_OPS, type OpsOfShape, type Shape, type TargetOp } from "./rules";
import {
  QUALITATIVE,
  QUALITATIVE_ANSWERS,
  RATING_LEVELS,
  STATUS,
  STATUSES,
  type RatingLevel,
  type Status,
} from "./words";

export {
  QUALITATIVE,
  QUALITATIVE_ANSWERS,
  RATING_LEVELS,
  STATUS,
  STATUSES,
  type RatingLevel,
  type Status,
  type TargetOp,
};

const finite = z.number().check(z.refine(Number.isFinite, "phải là một số hữu hạn"));

/** A target: its fields follow its kind's shape in the rule table (rules.ts). */
export type Target =
  | { [K in OpsOfShape<"comparison">]: { op: K; value: number; of?: number | undefined } }[OpsOfShape<"comparison">]
  | { op: OpsOfShape<"range">; min: number; max: number }
  | { op: OpsOfShape<"rank">; value: number }
  | { op: OpsOfShape<"rating">; level: RatingLevel }
  | { op: OpsOfShape<"qualitative"> };
export type ComparisonOp = OpsOfShape<"comparison">;

const SHAPES: Record<Shape, (op: TargetOp) => z.ZodMiniObject> = {
  comparison: (op) => z.strictObject({ op: z.literal(op), value: finite, of: z.optional(finite) }),
  range: (op) =>
    z
      .strictObject({ op: z.literal(op), min: finite, max: finite })
      .check(z.refine((t) => t.min <= t.max, "min phải nhỏ hơn hoặc bằng max")),
  rank: (op) => z.strictObject({ op: z.literal(op), value: z.number().check(z.int(), z.minimum(1)) }),
  rating: (op) => z.strictObject({ op: z.literal(op), level: z.enum(RATING_LEVELS) }),
  qualitative: (op) => z.strictObject({ op: z.literal(op) }),
};

export const TargetSchema = z.discriminatedUnion(
  "op",
  TARGET_OPS.map((op) => SHAPES[STATUS_RULES[op].shape](op)) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]],
  { error: `op phải là một trong: ${TARGET_OPS.join(", ")}` },
) as unknown as z.ZodMiniType<Target>;

export const IndicatorSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.regex(/^[^\s]+$/, "mã chỉ tiêu không được có khoảng trắng")),
  text: z.string().check(z.minLength(1, "thiếu nội dung chỉ tiêu")),
  unit: z.string(),
  target: TargetSchema,
  /** The target as the resolution phrases it ("không quá 0,6%"); an extension of the contract. */
  targetText: z.optional(z.string()),
  /** 1-based line of the resolution text the indicator was read from; an extension. */
  line: z.optional(z.number().check(z.int(), z.minimum(1))),
  /** "Cộng dồn": the figure builds up over the year (semantics section 6); absent: the core proposes. */
  cumulative: z.optional(z.boolean()),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** What judging, checking and formatting a figure need of an indicator: its target, unit and phrase. */
export type TargetSpec = Pick<Indicator, "unit" | "target"> & Partial<Pick<Indicator, "targetText">>;

/** A problem found in a text, a file or a sheet, in Vietnamese, with where it is. */
export interface Problem {
  message: string;
  severity: "error" | "warning";
  /** The indicator it concerns, when one. */
  id?: string;
  /** 1-based line of a text. */
  line?: number;
  /** A cell of the tracking sheet ("F12"), for the pane to select. */
  cell?: string;
}

export const SectionSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  indicators: z.array(IndicatorSchema),
});
export type Section = z.infer<typeof SectionSchema>;

export const WarningSchema = z.strictObject({
  line: z.number().check(z.int(), z.minimum(1)),
  text: z.string(),
  reason: z.string(),
});
export type ParseWarning = z.infer<typeof WarningSchema>;

export const ResolutionSchema = z
  .strictObject({
    title: z.string(),
    organization: z.string(),
    year: z.nullable(z.number().check(z.int(), z.minimum(1900), z.maximum(2200))),
    sections: z.array(SectionSchema).check(z.minLength(1, "nghị quyết phải có ít nhất một phần")),
    warnings: z._default(z.array(WarningSchema), []),
  })
  .check(
    z.superRefine((r, ctx) => {
      const seen = new Set<string>();
      r.sections.forEach((s, si) =>
        s.indicators.forEach((ind, ii) => {
          if (seen.has(ind.id))
            ctx.addIssue({
              code: "custom",
              path: ["sections", si, "indicators", ii, "id"],
              message: `mã chỉ tiêu "${ind.id}" bị trùng`,
              input: ind.id,
            });
          seen.add(ind.id);
        }),
      );
    }),
  );
export type Resolution = z.infer<typeof ResolutionSchema>;

/** Actual figures: percentages as written (99.2 means 99.2%), ratings and answers as words. */
/** One figure: a number as written, a word, or null (no figure yet). */
export const ActualValueSchema = z.union([finite, z.string(), z.null()], {
  error: (iss) =>
    `cần một con số (ví dụ 99.5 cho 99,5%), hoặc chữ với chỉ tiêu xếp loại, định tính ("${QUALITATIVE.met}"), hoặc null khi chưa có số liệu; đang là ${describeValue(iss.input)}`,
});
export const ActualsSchema = z.record(z.string(), ActualValueSchema);
export type Actuals = z.infer<typeof ActualsSchema>;
export type ActualValue = Actuals[string];

export function allIndicators(r: Resolution): Indicator[] {
  return r.sections.flatMap((s) => s.indicators);
}

/** The colour of each status: owned by palette.ts. */
export { STATUS_COLORS } from "./palette";
