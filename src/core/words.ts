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

/** How many of each status: the counts the summary sheet, the pane's progress and the review text show. */
export function countStatuses(statuses: Iterable<Status>): Record<Status, number> {
  const c = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const s of statuses) c[s]++;
  return c;
}

/** Review periods (semantics section 6), in their order in the year, with their words and share of it. */
export const PERIODS = ["6t", "9t", "nam"] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_INFO: Record<Period, { label: string; share: number }> = {
  "6t": { label: "6 tháng", share: 6 / 12 },
  "9t": { label: "9 tháng", share: 9 / 12 },
  nam: { label: "cả năm", share: 1 },
};
