import { EMPTY_CONTENT, type Content } from "./content";
import { checkFigure, figureFromCell } from "./judge";
import { formatFigure, measureOf } from "./measure";
import { allIndicators, type ActualValue, type Indicator, type Resolution } from "./model";
import { STATUS_RULES } from "./rules";
import { formatVietnameseNumber } from "./numbers";
import { PERIOD_INFO, finalStatus, isCumulative, judgePeriodCell, type Period } from "./periods";
import { DEFAULT_TOLERANCE } from "./tolerance";
import { previousChange, previousWords } from "./previous";
import { STATUS, countStatuses, type Status } from "./words";
import { judgeAssigned } from "./assigned";
import { assignedByOf, assignedHeader, isAssignedExtra } from "./assigned-words";

export interface PeriodResult {
  id: string;
  status: Status;
  /** The rule's status (for the year it may differ from `status`, which is staff's when chosen). */
  rule: Status;
  ratio: number | null;
  /** Last year's figure of the period as its cell holds it ("Cùng kỳ"), null when none. */
  previous: unknown;
  /** "So với cùng kỳ": the figure ÷ last year's (previous.ts), null when none. */
  change: number | null;
  /** The assigned target's own status and ratio (semantics section 10), when the indicator carries one. */
  assigned?: { status: Status; ratio: number | null };
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
    const previous = row?.previous?.[period] ?? null;
    const change = previousChange(ind, row?.figures[period], previous, j.status !== STATUS.noFigure);
    const a = judgeAssigned(ind, row, period, tolerance);
    return {
      id: ind.id,
      status,
      rule: j.status,
      ratio: j.ratio,
      previous,
      change,
      ...(a ? { assigned: { status: a.status, ratio: a.ratio } } : {}),
    };
  });
}

const count = (results: PeriodResult[]) => countStatuses(results.map((x) => x.status));

/** The counts sentence of semantics section 8 ("có <V+Đ>/<N> chỉ tiêu đạt và vượt (vượt …), …"), after its lead. */
export const countsSentence = (lead: string, c: Record<Status, number>, n: number) =>
  `${lead}: có ${c.Vượt + c.Đạt}/${n} chỉ tiêu đạt và vượt (vượt ${c.Vượt}, đạt ${c.Đạt}), ${c[STATUS.nearMiss]} chỉ tiêu cơ bản đạt, ${c[STATUS.notMet]} chỉ tiêu không đạt, ${c[STATUS.noFigure]} chỉ tiêu chưa có số liệu.`;

/**
 * "Về chỉ tiêu tỉnh giao: có …" (semantics section 10): the assigned statuses counted, M being the
 * indicators that carry an assigned target; null when none does.
 */
export function assignedSentence(results: PeriodResult[], by: string): string | null {
  const with_ = results.flatMap((x) => (x.assigned ? [x.assigned.status] : []));
  if (with_.length === 0) return null;
  return countsSentence(`Về ${assignedHeader(by).toLowerCase()}`, countStatuses(with_), with_.length);
}

/** A completion ratio in words: percent with one decimal, rounded as every number in words (numbers.roundedDigits). */
export const percentWords = (ratio: number) => `${formatVietnameseNumber(ratio * 100, 1)}%`;

/**
 * A section's sentence: its met count, then every status that occurs in it, "cơ bản đạt" included
 * ("Phần II. Kinh tế: 3/10 chỉ tiêu đạt và vượt (vượt 1, đạt 2), 1 chỉ tiêu cơ bản đạt, 6 chỉ tiêu chưa có số liệu.").
 */
export function sectionSentence(id: string, title: string, c: Record<Status, number>): string {
  const met = [c.Vượt > 0 ? `vượt ${c.Vượt}` : "", c.Đạt > 0 ? `đạt ${c.Đạt}` : ""].filter(Boolean).join(", ");
  const n = Object.values(c).reduce((x, y) => x + y, 0);
  const rest = [STATUS.nearMiss, STATUS.notMet, STATUS.noFigure]
    .filter((s) => c[s] > 0)
    .map((s) => `, ${c[s]} chỉ tiêu ${s.toLowerCase()}`)
    .join("");
  return `Phần ${id}. ${title}: ${c.Vượt + c.Đạt}/${n} chỉ tiêu đạt và vượt${met ? ` (${met})` : ""}${rest}.`;
}

/**
 * An indicator's sentence (semantics section 8, "How the words read"): the figure with its unit, a
 * rank as "xếp thứ 7 (chỉ tiêu: thứ 5 trở lên)", a rating or qualitative answer as itself; the
 * ratio read "đạt" or "bằng" as the rule table says, "… kế hoạch năm" for a cumulative indicator
 * before the year's end; the change from last year's figure ("tăng 4,8% so với cùng kỳ"); then the rule's status, unless it only repeats a qualitative answer, and
 * staff's assessment where it differs.
 */
function indicatorSentence(
  ind: Indicator,
  v: ActualValue,
  res: PeriodResult,
  period: Period,
  estimate: boolean,
  cells: { figure: unknown; previous: unknown },
  by: string,
): string {
  const m = measureOf(ind);
  const t = ind.target;
  const reading =
    typeof v !== "number"
      ? String(v)
      : t.op === "rank"
        ? `xếp thứ ${formatVietnameseNumber(v)} (chỉ tiêu: thứ ${formatVietnameseNumber(t.value)} trở lên)`
        : `${formatFigure(v, m)}${m.sign === "" && ind.unit ? ` ${ind.unit}` : ""}`;
  const verb = STATUS_RULES[t.op].ratio;
  const plan = isCumulative(ind) && period !== "nam" ? "kế hoạch năm" : "chỉ tiêu nghị quyết";
  const own = res.ratio !== null && verb !== null;
  let ratio = own ? `, ${estimate ? "ước " : ""}${verb} ${percentWords(res.ratio!)} ${plan}` : "";
  // Both ratios in one clause: "đạt 135,7% chỉ tiêu nghị quyết, 317% kế hoạch tỉnh giao".
  const a = res.assigned;
  if (a && a.ratio !== null) {
    const aVerb = own ? "" : `${estimate ? "ước " : ""}${verb ?? "đạt"} `;
    ratio += `, ${aVerb}${percentWords(a.ratio)} kế hoạch ${by} giao`;
  }
  // Last year's figure of the period, when there is one (semantics section 9).
  const words = previousWords(ind, cells.figure, cells.previous, res.rule !== STATUS.noFigure);
  const compared = words ? `, ${words}` : "";
  const said = [
    t.op === "qualitative" ? "" : res.rule,
    res.status !== res.rule ? `đánh giá lại: ${res.status}` : "",
  ].filter(Boolean);
  return `${ind.text}: ${reading}${ratio}${compared}${said.length > 0 ? ` (${said.join("; ")})` : ""}.`;
}

/**
 * The review text of semantics section 8 for one period: the overall sentence exactly as specified,
 * one sentence per section, one per indicator with a figure (no empty lines). Vietnamese separators throughout.
 */
export function reviewText(r: Resolution, content: Content = EMPTY_CONTENT, period: Period = "nam"): string[] {
  const results = evaluatePeriod(r, content, period);
  const byId = new Map(results.map((x) => [x.id, x]));
  const estimate = content.estimates?.includes(period) ?? false;
  const own = results.filter((x) => !isAssignedExtra(x.id));
  const c = count(own);
  const kỳ = `${estimate ? "ước " : ""}${PERIOD_INFO[period].label}`;
  const by = assignedByOf(content);
  const lines = [countsSentence(`Kết quả ${kỳ}`, c, own.length)];
  const about = assignedSentence(results, by);
  if (about) lines.push(about);
  for (const s of r.sections) {
    lines.push(sectionSentence(s.id, s.title, count(s.indicators.map((i) => byId.get(i.id)!))));
    for (const ind of s.indicators) {
      const res = byId.get(ind.id)!;
      if (res.rule === STATUS.noFigure) continue;
      const read = checkFigure(ind, figureFromCell(ind, content.rows[ind.id]?.figures[period]));
      if (!read.ok || read.figure.kind === "blank") continue;
      const figure = content.rows[ind.id]?.figures[period];
      lines.push(
        indicatorSentence(ind, read.figure.value, res, period, estimate, { figure, previous: res.previous }, by),
      );
    }
  }
  return lines;
}
