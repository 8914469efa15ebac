/** The Party and government annual grading, best first. */
export const RATING_LEVELS = [
  "Hoàn thành xuất sắc nhiệm vụ",
  "Hoàn thành tốt nhiệm vụ",
  "Hoàn thành nhiệm vụ",
  "Không hoàn thành nhiệm vụ",
] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** The answers of a qualitative target, by their role; the target's own text is the met one. */
export const QUALITATIVE = { met: "Đạt", notMet: "Không đạt" } as const;
export const QUALITATIVE_ANSWERS = [QUALITATIVE.met, QUALITATIVE.notMet] as const;

/**
 * The five statuses by their role, for code that names one. Every other module spells a status
 * through these (test/lint/words.test.ts fails when one spells it itself).
 */
export const STATUS = {
  exceeded: "Vượt",
  met: "Đạt",
  nearMiss: "Cơ bản đạt",
  notMet: "Không đạt",
  noFigure: "Chưa có số liệu",
} as const;
export const STATUSES = [STATUS.exceeded, STATUS.met, STATUS.nearMiss, STATUS.notMet, STATUS.noFigure] as const;

/** Words as a list in a message: "Đạt" hoặc "Không đạt". */
export const quotedWords = (words: readonly string[], or = "hoặc") =>
  words
    .map((w) => `"${w}"`)
    .join(", ")
    .replace(/, ([^,]*)$/u, ` ${or} $1`);
export type Status = (typeof STATUSES)[number];

/** How many of each status: the counts the summary sheet, the pane's progress and the review text show. */
export function countStatuses(statuses: Iterable<Status>): Record<Status, number> {
  const c = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const s of statuses) c[s]++;
  return c;
}

/**
 * The registry of review periods (semantics section 6): the one place a period is spelled. Its key
 * (CLI, JSON, column keys), its words, its share of the year and the name of its estimate flag;
 * key order is the order in the year. Every other module reads this table.
 */
const PERIOD_REGISTRY = {
  "3t": { label: "3 tháng", share: 3 / 12, cellName: "3thang", byDefault: false },
  "6t": { label: "6 tháng", share: 6 / 12, cellName: "6thang", byDefault: true },
  "9t": { label: "9 tháng", share: 9 / 12, cellName: "9thang", byDefault: false },
  nam: { label: "cả năm", share: 1, cellName: "canam", byDefault: true },
} as const satisfies Record<string, PeriodInfo>;
interface PeriodInfo {
  label: string;
  share: number;
  /** The estimate flag's named cell is UocTinh_<cellName>. */
  cellName: string;
  /** A new sheet has it unless staff choose otherwise (interfaces.md: default `6t,nam`). */
  byDefault: boolean;
}
export type Period = keyof typeof PERIOD_REGISTRY;
export const PERIODS = Object.keys(PERIOD_REGISTRY) as Period[];
export const PERIOD_INFO: Readonly<Record<Period, PeriodInfo>> = PERIOD_REGISTRY;
export const DEFAULT_PERIODS: readonly Period[] = PERIODS.filter((p) => PERIOD_INFO[p].byDefault);
/** The year: the period whose figures a plain value means, and the only one with staff's assessment. */
export const YEAR: Period = "nam";
/** The keys as a list for messages: "6t, 9t, nam". */
export const PERIOD_KEYS_TEXT = PERIODS.join(", ");
/** A period's key as staff may type it ("6T", " nam "), or null. */
export const periodOf = (text: string): Period | null => {
  const k = text.trim().toLowerCase();
  return (PERIODS as string[]).includes(k) ? (k as Period) : null;
};
/** Before the year's end, the months a cumulative target is pro-rated by, as staff read it ("6/12, 9/12"). */
export const PRORATED_SHARES_TEXT = PERIODS.filter((p) => PERIOD_INFO[p].share < 1)
  .map((p) => `${Math.round(PERIOD_INFO[p].share * 12)}/12`)
  .join(", ");
