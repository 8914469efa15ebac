import { runCrossChecks } from "../core/crosscheck";
import { checkCell, judgeCell, textFigureValue } from "../core/judge";
import { formatFigure, fromExcel, measureOf } from "../core/measure";
import { ActualsSchema, STATUSES, allIndicators, type Indicator, type Problem, type Status } from "../core/model";
import { countStatuses } from "../core/words";
import { MET_STATUSES } from "../core/rules";
import type { ReadBack } from "./tracking-row";

export type { Problem } from "../core/model";

/**
 * Checks every figure on the tracking sheet as it stands (pasted values bypass Excel's data
 * validation), plus the cross-checks, against the targets the sheet itself holds. Rows are found
 * by Mã, never by position. Problems of reading the sheet back come first.
 */
export function checkSheet(back: ReadBack): Problem[] {
  const { resolution, sheet } = back;
  const byId = new Map(allIndicators(resolution).map((i) => [i.id, i]));
  const col = sheet.columns.actual ?? null;
  const problems: Problem[] = [...back.problems];
  const figures: Record<string, unknown> = {};
  const seen = new Map<string, number>();
  const at = (row: number) => (col ? { cell: `${col}${row}` } : {});
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
    const check = checkCell(ind, row.actual, row.actualFormat);
    if (!check.ok)
      problems.push({
        id: row.id,
        ...cell,
        severity: "error",
        message: `Chỉ tiêu ${row.id} (ô ${cell.cell ?? "?"}): ${check.reason}.`,
      });
    else if (check.figure.kind !== "blank") figures[row.id] = check.figure.value;
  }
  // One schema for figures everywhere: what passed above must also be valid Actuals JSON.
  ActualsSchema.parse(figures);
  for (const id of byId.keys())
    if (!seen.has(id))
      problems.push({ id, severity: "warning", message: `Không thấy dòng có Mã ${id} trên sổ theo dõi.` });
  for (const w of runCrossChecks(resolution, figures)) {
    const r = sheet.rows.find((x) => x.id === w.ids[0]);
    problems.push({ id: w.ids.join(", "), ...(r ? at(r.row) : {}), severity: "warning", message: w.message });
  }
  return problems;
}

/**
 * "Tỷ lệ đạt" as the summary sheet computes it: (Vượt + Đạt) ÷ the number of indicators, or null
 * while none has a figure (0% before anyone typed would read as a failure).
 */
export function metShare(counts: Record<Status, number>, n: number): number | null {
  if (n - counts["Chưa có số liệu"] <= 0) return null;
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
  const col = back.sheet.columns.actual;
  if (!col) return [];
  const byId = new Map(allIndicators(back.resolution).map((i) => [i.id, i]));
  return back.sheet.rows.flatMap((row) => {
    const ind = byId.get(row.id);
    const value = ind ? textFigureValue(ind, row.actual) : null;
    if (!ind || value === null) return [];
    const m = measureOf(ind);
    return [
      {
        sheet: back.sheet.name,
        cell: `${col}${row.row}`,
        id: row.id,
        text: String(row.actual),
        value,
        shown: formatFigure(fromExcel(value, m), m),
      },
    ];
  });
}

export interface Progress {
  total: Record<Status, number>;
  sections: { id: string; title: string; counts: Record<Status, number>; n: number }[];
}

/**
 * Counts per status and per section, as the summary sheet's COUNTIFS do: the status the sheet
 * shows, or (where it shows none yet) the core's judgement with the sheet's own tolerance.
 */
export function progressOf(back: ReadBack): Progress {
  const byRow = new Map(back.sheet.rows.map((r) => [r.id, r]));
  const statusOf = (ind: Indicator): Status => {
    const row = byRow.get(ind.id);
    const shown = row?.status as Status | undefined;
    return shown && STATUSES.includes(shown)
      ? shown
      : judgeCell(ind, row?.actual ?? null, back.tolerance, row?.actualFormat).status;
  };
  const sections = back.resolution.sections.map((s) => {
    const statuses = s.indicators.map(statusOf);
    return { id: s.id, title: s.title, statuses, counts: countStatuses(statuses), n: s.indicators.length };
  });
  return {
    total: countStatuses(sections.flatMap((s) => s.statuses)),
    sections: sections.map(({ statuses: _s, ...rest }) => rest),
  };
}
