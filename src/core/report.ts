import type { ActualsFile } from "./input";
import { formatFigure, measureOf } from "./measure";
import { allIndicators, type Resolution } from "./model";
import { formatVietnameseNumber } from "./numbers";
import { PERIOD_INFO, finalStatus, isCumulative, judgePeriod, type Period } from "./periods";
import { DEFAULT_TOLERANCE } from "./tolerance";
import { countStatuses, type Status } from "./words";

export interface PeriodResult {
  id: string;
  status: Status;
  /** The rule's status (for the year it may differ from `status`, which is staff's when chosen). */
  rule: Status;
  ratio: number | null;
}

/** Every indicator judged for one period (the year's final status includes staff's assessment). */
export function evaluatePeriod(r: Resolution, file: ActualsFile, period: Period, tolerance = DEFAULT_TOLERANCE) {
  const figures = file.periods[period] ?? {};
  return allIndicators(r).map((ind): PeriodResult => {
    const j = judgePeriod(ind, figures[ind.id], period, tolerance);
    const status = period === "nam" ? finalStatus(j.status, file.overrides[ind.id]) : j.status;
    return { id: ind.id, status, rule: j.status, ratio: j.ratio };
  });
}

const count = (results: PeriodResult[]) => countStatuses(results.map((x) => x.status));

const percent = (ratio: number) => `${formatVietnameseNumber(Number((ratio * 100).toPrecision(12)), 1)}%`;

/**
 * The review text of semantics section 8 for one period: the overall sentence exactly as specified,
 * one sentence per section, one per indicator with a figure. Vietnamese separators throughout.
 */
export function reviewText(r: Resolution, file: ActualsFile, period: Period, tolerance = DEFAULT_TOLERANCE): string[] {
  const results = evaluatePeriod(r, file, period, tolerance);
  const byId = new Map(results.map((x) => [x.id, x]));
  const estimate = file.estimates.includes(period);
  const c = count(results);
  const kỳ = `${estimate ? "ước " : ""}${PERIOD_INFO[period].label}`;
  const lines = [
    `Kết quả ${kỳ}: có ${c.Vượt + c.Đạt}/${results.length} chỉ tiêu đạt và vượt (vượt ${c.Vượt}, đạt ${c.Đạt}), ${c["Cơ bản đạt"]} chỉ tiêu cơ bản đạt, ${c["Không đạt"]} chỉ tiêu không đạt, ${c["Chưa có số liệu"]} chỉ tiêu chưa có số liệu.`,
  ];
  const figures = file.periods[period] ?? {};
  for (const s of r.sections) {
    const mine = s.indicators.map((i) => byId.get(i.id)!);
    const sc = count(mine);
    lines.push(
      `Phần ${s.id}. ${s.title}: ${sc.Vượt + sc.Đạt}/${mine.length} chỉ tiêu đạt và vượt${sc["Không đạt"] > 0 ? `, ${sc["Không đạt"]} chỉ tiêu không đạt` : ""}.`,
    );
    for (const ind of s.indicators) {
      const res = byId.get(ind.id)!;
      const v = figures[ind.id];
      if (v === undefined || v === null || v === "" || res.rule === "Chưa có số liệu") continue;
      const m = measureOf(ind);
      const shown =
        typeof v === "number" ? `${formatFigure(v, m)}${m.sign === "" && ind.unit ? ` ${ind.unit}` : ""}` : v;
      const reached = estimate ? "ước đạt" : "đạt";
      const plan = isCumulative(ind) && period !== "nam" ? "kế hoạch năm" : "chỉ tiêu nghị quyết";
      const ratio = res.ratio !== null ? `, ${reached} ${percent(res.ratio)} ${plan}` : "";
      const staff = res.status !== res.rule ? `; đánh giá lại: ${res.status}` : "";
      lines.push(`${ind.text}: ${shown}${ratio} (${res.rule}${staff}).`);
    }
  }
  return lines;
}
