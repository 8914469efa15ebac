import { EMPTY_CONTENT, type Content } from "./content";
import { checkFigure, figureFromCell } from "./judge";
import { formatFigure, measureOf } from "./measure";
import { allIndicators, type Resolution } from "./model";
import { formatVietnameseNumber } from "./numbers";
import { PERIOD_INFO, finalStatus, isCumulative, judgePeriodCell, type Period } from "./periods";
import { DEFAULT_TOLERANCE } from "./tolerance";
import { STATUS, countStatuses, type Status } from "./words";

export interface PeriodResult {
  id: string;
  status: Status;
  /** The rule's status (for the year it may differ from `status`, which is staff's when chosen). */
  rule: Status;
  ratio: number | null;
}

/**
 * Every indicator judged for one period from the workbook's content, with its tolerance (the
 * year's final status includes staff's assessment): what the sheet's formulas compute.
 */
export function evaluatePeriod(r: Resolution, content: Content, period: Period) {
  const tolerance = content.tolerance ?? DEFAULT_TOLERANCE;
  return allIndicators(r).map((ind): PeriodResult => {
    const row = content.rows[ind.id];
    const j = judgePeriodCell(ind, row?.figures[period], period, tolerance, row?.formats?.[period]);
    const status = period === "nam" ? finalStatus(j.status, row?.override) : j.status;
    return { id: ind.id, status, rule: j.status, ratio: j.ratio };
  });
}

const count = (results: PeriodResult[]) => countStatuses(results.map((x) => x.status));

const percent = (ratio: number) => `${formatVietnameseNumber(Number((ratio * 100).toPrecision(12)), 1)}%`;

/**
 * The review text of semantics section 8 for one period: the overall sentence exactly as specified,
 * one sentence per section, one per indicator with a figure. Vietnamese separators throughout.
 */
export function reviewText(r: Resolution, content: Content = EMPTY_CONTENT, period: Period = "nam"): string[] {
  const results = evaluatePeriod(r, content, period);
  const byId = new Map(results.map((x) => [x.id, x]));
  const estimate = content.estimates?.includes(period) ?? false;
  const c = count(results);
  const kỳ = `${estimate ? "ước " : ""}${PERIOD_INFO[period].label}`;
  const lines = [
    `Kết quả ${kỳ}: có ${c.Vượt + c.Đạt}/${results.length} chỉ tiêu đạt và vượt (vượt ${c.Vượt}, đạt ${c.Đạt}), ${c[STATUS.nearMiss]} chỉ tiêu cơ bản đạt, ${c[STATUS.notMet]} chỉ tiêu không đạt, ${c[STATUS.noFigure]} chỉ tiêu chưa có số liệu.`,
  ];
  for (const s of r.sections) {
    const mine = s.indicators.map((i) => byId.get(i.id)!);
    const sc = count(mine);
    lines.push(
      `Phần ${s.id}. ${s.title}: ${sc.Vượt + sc.Đạt}/${mine.length} chỉ tiêu đạt và vượt${sc[STATUS.notMet] > 0 ? `, ${sc[STATUS.notMet]} chỉ tiêu không đạt` : ""}.`,
    );
    for (const ind of s.indicators) {
      const res = byId.get(ind.id)!;
      if (res.rule === STATUS.noFigure) continue;
      const read = checkFigure(ind, figureFromCell(ind, content.rows[ind.id]?.figures[period]));
      if (!read.ok || read.figure.kind === "blank") continue;
      const v = read.figure.value;
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
