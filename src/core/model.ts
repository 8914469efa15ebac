import { z } from "zod/mini";

/** The Party and government annual grading, best first. */
export const RATING_LEVELS = [
  "Hoàn thành xuất sắc nhiệm vụ",
  "Hoàn thành tốt nhiệm vụ",
  "Hoàn thành nhiệm vụ",
  "Không hoàn thành nhiệm vụ",
] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const QUALITATIVE_ANSWERS = ["Đạt", "Không đạt"] as const;

export const STATUSES = ["Vượt", "Đạt", "Cơ bản đạt", "Không đạt", "Chưa có số liệu"] as const;
export type Status = (typeof STATUSES)[number];

const finite = z.number().check(z.refine(Number.isFinite, "phải là một số hữu hạn"));

const comparison = <Op extends string>(op: Op) =>
  z.strictObject({
    op: z.literal(op),
    value: finite,
    of: z.optional(finite),
  });

export const TargetSchema = z.discriminatedUnion(
  "op",
  [
    comparison("gte"),
    comparison("gt"),
    comparison("lte"),
    comparison("lt"),
    z
      .strictObject({ op: z.literal("range"), min: finite, max: finite })
      .check(z.refine((t) => t.min <= t.max, "min phải nhỏ hơn hoặc bằng max")),
    z.strictObject({ op: z.literal("rank"), value: z.number().check(z.int(), z.minimum(1)) }),
    z.strictObject({ op: z.literal("rating"), level: z.enum(RATING_LEVELS) }),
    z.strictObject({ op: z.literal("qualitative") }),
  ],
  { error: "op phải là một trong: gte, gt, lte, lt, range, rank, rating, qualitative" },
);
export type Target = z.infer<typeof TargetSchema>;
export type TargetOp = Target["op"];
export type ComparisonOp = "gte" | "gt" | "lte" | "lt";

export const IndicatorSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.regex(/^[^\s]+$/, "mã chỉ tiêu không được có khoảng trắng")),
  text: z.string().check(z.minLength(1, "thiếu nội dung chỉ tiêu")),
  unit: z.string(),
  target: TargetSchema,
  /** The target as the resolution phrases it ("không quá 0,6%"); an extension of the contract. */
  targetText: z.optional(z.string()),
  /** 1-based line of the resolution text the indicator was read from; an extension. */
  line: z.optional(z.number().check(z.int(), z.minimum(1))),
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
export const ActualsSchema = z.record(z.string(), z.union([finite, z.string(), z.null()]));
export type Actuals = z.infer<typeof ActualsSchema>;
export type ActualValue = Actuals[string];

export function allIndicators(r: Resolution): Indicator[] {
  return r.sections.flatMap((s) => s.indicators);
}

/** The colour of each status, used by the sheet's conditional formats, the legend and the task pane. */
export const STATUS_COLORS: Record<Status, { fill: string; font: string }> = {
  Vượt: { fill: "#1E7B34", font: "#FFFFFF" },
  Đạt: { fill: "#C6EFCE", font: "#006100" },
  "Cơ bản đạt": { fill: "#FFEB9C", font: "#9C5700" },
  "Không đạt": { fill: "#FFC7CE", font: "#9C0006" },
  "Chưa có số liệu": { fill: "#EDEDED", font: "#595959" },
};
