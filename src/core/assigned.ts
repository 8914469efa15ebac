import type { Content } from "./content";
import { judgePeriodCell } from "./periods";
import { isCumulative } from "./cumulative";
import type { Judgement } from "./judge";
import { allIndicators, type Indicator, type Resolution, type Target } from "./model";
import { STATUS_RULES } from "./rules";
import { formatTarget, parseTargetPhrase } from "./target";
import { parseResolution } from "./parser";
import { comparable, normalizeText } from "./text";
import { ASSIGNED_BY_DEFAULT, ASSIGNED_SECTION, assignedByOf, assignedSectionTitle } from "./assigned-words";
import { DEFAULT_TOLERANCE } from "./tolerance";
import type { Period } from "./words";

/**
 * Targets assigned from above (semantics section 10): an indicator may carry a second target, the
 * phrase as typed, read by the same reader as documents and target cells (target.ts) and judged by
 * the same rules, per period, with its own status and ratio; the resolution's own status never
 * changes because of it. An assigned target that names no indicator becomes one of its own in a
 * section "Chỉ tiêu <cấp> giao khác".
 */

/** Money units and how many đồng each is: an assigned "30 tỷ đồng" against an indicator in "triệu đồng". */
const MONEY: Record<string, number> = {
  đồng: 1,
  "nghìn đồng": 1e3,
  "ngàn đồng": 1e3,
  "triệu đồng": 1e6,
  "tỷ đồng": 1e9,
  "tỉ đồng": 1e9,
};

function scaled(t: Target, k: number): Target {
  const x = (v: number) => Number((v * k).toPrecision(12));
  if (k === 1) return t;
  if ("min" in t) return { ...t, min: x(t.min), max: x(t.max) };
  if ("value" in t && t.op !== "rank") return { ...t, value: x(t.value) };
  return t;
}

export type AssignedRead = { ok: true; spec: Indicator } | { ok: false; message: string };

/**
 * An assigned phrase as the indicator it is judged as: the indicator (its unit, Cộng dồn) with the
 * phrase's target. The phrase's unit must be the indicator's, none, or a money unit that converts.
 */
export function readAssigned(ind: Indicator, phrase: string): AssignedRead {
  const read = parseTargetPhrase(phrase);
  if (!read.ok) return read;
  const { target, unit } = read.value;
  const mine = comparable(ind.unit);
  const theirs = comparable(unit);
  const shape = STATUS_RULES[target.op].shape;
  const own = STATUS_RULES[ind.target.op].shape;
  const numeric = (x: string) => x === "comparison" || x === "range";
  if (shape !== own && !(numeric(shape) && numeric(own)))
    return {
      ok: false,
      message: `Chỉ tiêu giao “${normalizeText(phrase).trim()}” không cùng loại với chỉ tiêu “${ind.text}” (${STATUS_RULES[target.op].label} và ${STATUS_RULES[ind.target.op].label}).`,
    };
  let k = 1;
  const symbol = (u: string) => /^[%‰]/u.exec(u)?.[0] ?? "";
  const alike =
    theirs === "" || theirs === mine || shape === "rank" || (symbol(theirs) !== "" && symbol(theirs) === symbol(mine));
  if (!alike) {
    const [a, b] = [MONEY[theirs], MONEY[mine]];
    if (a === undefined || b === undefined)
      return {
        ok: false,
        message: `Chỉ tiêu giao “${normalizeText(phrase).trim()}” tính bằng “${unit}”, khác đơn vị của chỉ tiêu (“${ind.unit}”).`,
      };
    k = a / b;
  }
  return {
    ok: true,
    spec: {
      ...ind,
      target: scaled(target, k),
      targetText: normalizeText(phrase).trim(),
      cumulative: isCumulative(ind),
    },
  };
}

/** A row's assigned target judged for a period; null when the row carries none or it cannot be read. */
export function judgeAssigned(
  ind: Indicator,
  row: Content["rows"][string] | undefined,
  period: Period,
  tolerance = DEFAULT_TOLERANCE,
): Judgement | null {
  const phrase = row?.assigned;
  if (phrase === undefined || phrase.trim() === "") return null;
  const read = readAssigned(ind, phrase);
  if (!read.ok) return null;
  return judgePeriodCell(read.spec, row?.figures[period], period, tolerance, row?.formats?.[period]);
}

/** Assigned targets as brought in: by the Mã of the indicator each was matched to, and the ones no indicator has. */
export interface AssignedList {
  byId: Record<string, string>;
  extra: { text: string; phrase: string }[];
}

/**
 * The resolution with the extra assigned indicators in their own section (created, or extended
 * when a sheet read back already has it), and the content with every assigned phrase on its row.
 * An extra indicator's own target is its assigned one (it has no other); one whose text the
 * section already has only gets its phrase. Throws nothing: phrases that cannot be read come back
 * as problems (the caller decides whether they are errors).
 */
export function addAssigned(
  r: Resolution,
  content: Content,
  list: AssignedList,
  by: string = assignedByOf(content),
): { resolution: Resolution; content: Content; problems: string[] } {
  const problems: string[] = [];
  const rows: Content["rows"] = { ...content.rows };
  const put = (id: string, phrase: string) => (rows[id] = { ...(rows[id] ?? { figures: {} }), assigned: phrase });
  const byId = new Map(allIndicators(r).map((i) => [i.id, i]));
  for (const [id, phrase] of Object.entries(list.byId)) {
    const ind = byId.get(id);
    if (!ind) {
      problems.push(`Chỉ tiêu giao cho Mã ${id}: nghị quyết không có Mã này.`);
      continue;
    }
    const read = readAssigned(ind, phrase);
    if (!read.ok) problems.push(`Chỉ tiêu ${id}: ${read.message}`);
    else put(id, phrase);
  }
  const old = r.sections.find((s) => s.id === ASSIGNED_SECTION);
  const indicators = [...(old?.indicators ?? [])];
  let next = indicators.length + 1;
  for (const { text, phrase } of list.extra) {
    const have = indicators.find((i) => comparable(i.text) === comparable(text));
    if (have) {
      put(have.id, phrase);
      continue;
    }
    const read = parseTargetPhrase(phrase);
    if (!read.ok) {
      problems.push(`Chỉ tiêu giao “${text}”: ${read.message}`);
      continue;
    }
    while (byId.has(`${ASSIGNED_SECTION}.${next}`)) next++;
    const id = `${ASSIGNED_SECTION}.${next++}`;
    const ind: Indicator = {
      id,
      text: normalizeText(text).replace(/\s+/gu, " ").trim(),
      unit: read.value.unit,
      target: read.value.target,
      targetText: normalizeText(phrase).trim(),
    };
    indicators.push(ind);
    byId.set(id, ind);
    put(id, phrase);
  }
  const section = { id: ASSIGNED_SECTION, title: old?.title ?? assignedSectionTitle(by), indicators };
  const sections =
    indicators.length === 0
      ? r.sections
      : old
        ? r.sections.map((s) => (s === old ? section : s))
        : [...r.sections, section];
  return {
    resolution: { ...r, sections },
    content: {
      ...content,
      rows,
      ...(content.assignedBy === undefined && by !== ASSIGNED_BY_DEFAULT ? { assignedBy: by } : {}),
    },
    problems,
  };
}

/** One assigned target as brought in (a line of a list, a row of a table): what it names and its phrase. */
export interface AssignedItem {
  text: string;
  phrase: string;
  /** The unit the phrase is in, "" when none. */
  unit: string;
  /** Where it was read ("dòng 3", "ô B7"), for messages. */
  where: string;
}

/**
 * A pasted or typed list of assigned targets, read by the resolution reader itself (each clause is
 * an indicator and its target phrase); lines it could not read come back as problems.
 */
export function assignedItemsFromText(text: string): { items: AssignedItem[]; problems: string[] } {
  const r = parseResolution(text);
  const items = allIndicators(r).map((ind) => ({
    text: ind.text,
    phrase: ind.targetText ?? formatTarget(ind.target, ind.unit),
    unit: ind.unit,
    where: ind.line !== undefined ? `dòng ${ind.line}` : ind.id,
  }));
  return { items, problems: r.warnings.map((w) => `dòng ${w.line}: ${w.reason} — “${w.text}”`) };
}
