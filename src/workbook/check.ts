import { runCrossChecks } from "../core/crosscheck";
import { capitalize } from "../core/text";
import { checkCell, textFigureValue } from "../core/judge";
import { PERIOD_INFO, finalStatus, judgePeriodCell, readAssessment, type Period } from "../core/periods";
import { OVERRIDE_INVALID } from "./formulas";
import { REVIEW_HEADERS, periodKey } from "./layout";
import { formatFigure, fromExcel, measureOf } from "../core/measure";
import { ActualsSchema, STATUSES, allIndicators, type Indicator, type Problem, type Status } from "../core/model";
import { STATUS, countStatuses } from "../core/words";
import { MET_STATUSES } from "../core/rules";
import { comparesWithPrevious } from "../core/previous";
import type { ReadBack } from "./tracking-row";
import { readAssigned } from "../core/assigned";
import { ASSIGNED_SECTION } from "../core/assigned-words";

export type { Problem } from "../core/model";

/**
 * Checks every figure on the tracking sheet as it stands (pasted values bypass Excel's data
 * validation), plus the cross-checks, against the targets the sheet itself holds. Rows are found
 * by Mã, never by position. Problems of reading the sheet back come first.
 */
export function checkSheet(back: ReadBack): Problem[] {
  const { resolution, sheet } = back;
  const byId = new Map(allIndicators(resolution).map((i) => [i.id, i]));
  const periods = sheet.periods.length > 0 ? sheet.periods : (["nam"] as Period[]);
  const colOf = (p: Period) => sheet.columns[periodKey("actual", p)] ?? null;
  const first = colOf(periods[0]!);
  const problems: Problem[] = [...back.problems];
  const figures: Partial<Record<Period, Record<string, unknown>>> = {};
  const seen = new Map<string, number>();
  const at = (row: number, c: string | null = first) => (c ? { cell: `${c}${row}` } : {});
  const named = (p: Period) => (periods.length > 1 ? ` ${PERIOD_INFO[p].label}` : "");
  for (const row of sheet.rows) {
    const cell = at(row.row);
    const ind = byId.get(row.id);
    if (!ind) {
      problems.push({
        id: row.id,
        ...cell,
        severity: "warning",
        message: `Mã ${row.id} (dòng ${row.row}) không có trong nghị quyết đang dùng.`,
      });
      continue;
    }
    if (seen.has(row.id)) {
      problems.push({
        id: row.id,
        ...cell,
        severity: "error",
        message: `Mã ${row.id} bị lặp (dòng ${seen.get(row.id)} và ${row.row}).`,
      });
      continue;
    }
    seen.set(row.id, row.row);
    for (const p of periods) {
      const here = at(row.row, colOf(p));
      const check = checkCell(ind, row.figures[p], row.formats[p]);
      if (!check.ok)
        problems.push({
          id: row.id,
          ...here,
          severity: "error",
          message: `Chỉ tiêu ${row.id}${named(p)} (ô ${here.cell ?? "?"}): ${check.reason}.`,
        });
      else if (check.figure.kind !== "blank") (figures[p] ??= {})[row.id] = check.figure.value;
      // Last year's figure: one the sheet cannot compare with leaves "So với cùng kỳ" blank, and is said.
      const key = periodKey("previous", p);
      const previous = row.cells[key];
      const last = checkCell(ind, previous);
      const comparable = typeof previous === "number" || !comparesWithPrevious(ind.target.op);
      if (previous !== undefined && previous !== null && previous !== "" && (!last.ok || !comparable)) {
        const where = at(row.row, sheet.columns[key] ?? null);
        problems.push({
          id: row.id,
          ...where,
          severity: "warning",
          message: `Chỉ tiêu ${row.id}, cùng kỳ${named(p)} (ô ${where.cell ?? "?"}): ${
            last.ok ? "cần một con số (đang là chữ)" : last.reason
          }; cột “So với cùng kỳ” để trống.`,
        });
      }
    }
    const assessment = readAssessment(row.cells.override, row.cells.reason);
    if (assessment) {
      const override = assessment.status ?? assessment.typed.trim();
      const where = at(row.row, sheet.columns.override ?? null);
      if (assessment.status === null)
        problems.push({
          id: row.id,
          ...where,
          severity: "error",
          message: `Chỉ tiêu ${row.id} (ô ${where.cell ?? "?"}): ${OVERRIDE_INVALID}`,
        });
      else if (assessment.reasonMissing)
        problems.push({
          id: row.id,
          ...at(row.row, sheet.columns.reason ?? null),
          severity: "warning",
          message: `Chỉ tiêu ${row.id}: đánh giá lại “${override}” chưa ghi lý do (${REVIEW_HEADERS.reason}).`,
        });
    }
    // The target assigned from above: a phrase the reader cannot read, or retyped and not read yet.
    const phrase = typeof row.cells.assignedText === "string" ? row.cells.assignedText.trim() : "";
    if (phrase !== "") {
      const where = at(row.row, sheet.columns.assignedText ?? null);
      const read = readAssigned(ind, phrase);
      const before = String(row.cells.assignedRead ?? "").trim();
      if (!read.ok)
        problems.push({ id: row.id, ...where, severity: "error", message: `Chỉ tiêu ${row.id}: ${read.message}` });
      else if (before !== phrase)
        problems.push({
          id: row.id,
          ...where,
          severity: "warning",
          message: `Chỉ tiêu ${row.id}: chỉ tiêu giao “${phrase}” chưa được đọc${
            before ? ` (đang đánh giá theo “${before}”)` : ""
          }; sửa lại ô này khi phần bổ trợ đang mở, hoặc chèn lại sổ.`,
        });
    }
  }
  // One schema for figures everywhere: what passed above must also be valid Actuals JSON.
  for (const f of Object.values(figures)) ActualsSchema.parse(f);
  for (const id of byId.keys())
    if (!seen.has(id))
      problems.push({ id, severity: "warning", message: `Không thấy dòng có Mã ${id} trên sổ theo dõi.` });
  for (const p of periods)
    for (const w of runCrossChecks(resolution, figures[p] ?? {})) {
      const r = sheet.rows.find((x) => x.id === w.ids[0]);
      problems.push({
        id: w.ids.join(", "),
        ...(r ? at(r.row, colOf(p)) : {}),
        severity: "warning",
        message: periods.length > 1 ? `${capitalize(PERIOD_INFO[p].label)}: ${w.message}` : w.message,
      });
    }
  return problems;
}

/**
 * "Tỷ lệ đạt" as the summary sheet computes it: (Vượt + Đạt) ÷ the number of indicators, or null
 * while none has a figure (0% before anyone typed would read as a failure).
 */
export function metShare(counts: Record<Status, number>, n: number): number | null {
  if (n - counts[STATUS.noFigure] <= 0) return null;
  return MET_STATUSES.reduce((sum, s) => sum + counts[s], 0) / n;
}

export interface TextFix {
  sheet: string;
  cell: string;
  id: string;
  /** The text as it stands. */
  text: string;
  /** The Excel value it becomes. */
  value: number;
  /** The figure as people read it: "80%". */
  shown: string;
}

/** Figures stored as text that read unambiguously as numbers ("80%", "1.000.000"): what "Sửa tự động" writes. */
export function textFixes(back: ReadBack): TextFix[] {
  const byId = new Map(allIndicators(back.resolution).map((i) => [i.id, i]));
  return back.sheet.periods.flatMap((p) => {
    const col = back.sheet.columns[periodKey("actual", p)];
    if (!col) return [];
    return back.sheet.rows.flatMap((row) => {
      const ind = byId.get(row.id);
      const text = row.figures[p];
      const value = ind ? textFigureValue(ind, text) : null;
      if (!ind || value === null) return [];
      const m = measureOf(ind);
      return [
        {
          sheet: back.sheet.name,
          cell: `${col}${row.row}`,
          id: row.id,
          text: String(text),
          value,
          shown: formatFigure(fromExcel(value, m), m),
        },
      ];
    });
  });
}

export interface Progress {
  total: Record<Status, number>;
  sections: { id: string; title: string; counts: Record<Status, number>; n: number }[];
}

/**
 * Counts per status and per section for a period, as the summary sheet's COUNTIFS do: the status
 * the sheet shows (for the year "Kết quả", staff's assessment included), or, where it shows none
 * yet, the core's judgement with the sheet's own tolerance.
 */
export function progressOf(back: ReadBack, period: Period = "nam"): Progress {
  const byRow = new Map(back.sheet.rows.map((r) => [r.id, r]));
  const key = back.sheet.columns.final && period === "nam" ? "final" : periodKey("status", period);
  const statusOf = (ind: Indicator): Status => {
    const row = byRow.get(ind.id);
    const shown = row?.cells[key] as Status | undefined;
    if (shown && STATUSES.includes(shown)) return shown;
    const rule = judgePeriodCell(
      ind,
      row?.figures[period] ?? null,
      period,
      back.content.tolerance,
      row?.formats[period],
    ).status;
    return period === "nam" ? finalStatus(rule, back.content.rows[ind.id]?.override) : rule;
  };
  const sections = back.resolution.sections.map((s) => {
    const statuses = s.indicators.map(statusOf);
    return { id: s.id, title: s.title, statuses, counts: countStatuses(statuses), n: s.indicators.length };
  });
  return {
    // The resolution's own: the extra assigned indicators' section is listed, not totalled (as Tổng hợp).
    total: countStatuses(sections.filter((s) => s.id !== ASSIGNED_SECTION).flatMap((s) => s.statuses)),
    sections: sections.map(({ statuses: _s, ...rest }) => rest),
  };
}
