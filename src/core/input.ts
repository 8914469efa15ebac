import { z } from "zod/mini";
import {
  ActualValueSchema,
  ActualsSchema,
  ResolutionSchema,
  STATUSES,
  allIndicators,
  type Actuals,
  type Resolution,
} from "./model";
import { checkFigure } from "./judge";
import { formatFigure, measureOf } from "./measure";
import { PERIODS, PERIOD_INFO, YEAR, type Period } from "./words";
import type { Override } from "./periods";
import { writtenContent, type Content } from "./content";
import { parseResolution, ResolutionTextError } from "./parser";
import { addAssigned } from "./assigned";

/** Bad input from a user or a file: the message is Vietnamese and names what and where. */
export class InputError extends Error {
  override name = "InputError";
}

function pathOf(path: PropertyKey[], data: unknown): string {
  let label = "";
  let node: unknown = data;
  for (const key of path) {
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    label += typeof key === "number" ? `[${key}]` : `${label ? "." : ""}${String(key)}`;
    const id = node && typeof node === "object" ? (node as { id?: unknown }).id : undefined;
    if (typeof id === "string" && typeof key === "number") label += ` (mã ${id})`;
  }
  return label || "(gốc)";
}

/** One Vietnamese message listing every schema problem with its JSON path. */
export function describeIssues(error: { issues: z.core.$ZodIssue[] }, source: string, data: unknown): string {
  const lines = error.issues.slice(0, 10).map((i) => `  - ${pathOf(i.path, data)}: ${i.message}`);
  const more = error.issues.length > 10 ? `\n  ... và ${error.issues.length - 10} lỗi khác` : "";
  return `${source} không đúng cấu trúc:\n${lines.join("\n")}${more}`;
}

/** Finds where JSON text stops being valid (an offset), or null. Injected so the pane can load it lazily. */
export type JsonErrorLocator = (text: string) => number | null;

/** Our files nest a few levels; thousands of "[" would overflow the stack of a recursive reader or check. */
const MAX_JSON_DEPTH = 100;

/** Where brackets outside strings first nest deeper than MAX_JSON_DEPTH (an offset), or null; linear. */
function tooDeep(text: string): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

/** Parses JSON text with a message that names the source and, when a locator is given, the position. */
export function parseJson(text: string, source: string, locate?: JsonErrorLocator): unknown {
  if (text.trim() === "") throw new InputError(`${source} đang trống.`);
  const clean = text.replace(/^\ufeff/u, "");
  const deep = tooDeep(clean);
  if (deep !== null) {
    const before = clean.slice(0, deep);
    throw new InputError(
      `${source} lồng ngoặc quá sâu (quá ${MAX_JSON_DEPTH} cấp, dòng ${before.split("\n").length}, cột ${before.length - before.lastIndexOf("\n")}): đây không phải tệp của Chỉ tiêu.`,
    );
  }
  try {
    return JSON.parse(clean);
  } catch {
    const offset = locate?.(clean) ?? null;
    let where = "";
    if (offset !== null) {
      const before = clean.slice(0, offset);
      where = ` (dòng ${before.split("\n").length}, cột ${before.length - before.lastIndexOf("\n")})`;
    }
    throw new InputError(`${source} không phải JSON hợp lệ${where}.`);
  }
}

export function resolutionFromJson(data: unknown, source: string): Resolution {
  const r = ResolutionSchema.safeParse(data);
  if (!r.success) throw new InputError(describeIssues(r.error, source, data));
  return r.data;
}

/** Reads a resolution from text: JSON when it looks like JSON, otherwise resolution prose. */
export function resolutionFromText(text: string, source: string, locate?: JsonErrorLocator): Resolution {
  if (/^\s*[{[]/u.test(text)) return resolutionFromJson(parseJson(text, source, locate), source);
  try {
    return parseResolution(text);
  } catch (e) {
    if (e instanceof ResolutionTextError) throw new InputError(`${source}: ${e.message}`);
    throw e;
  }
}

const NotesSchema = z.record(z.string(), z.string());
const PeriodSchema = z.enum(PERIODS as [Period, ...Period[]]);
/** A value per period ({ "6t": 15000, "nam": 30387.5 }): one optional figure for each registered period. */
const PeriodFiguresSchema = z.strictObject(
  Object.fromEntries(PERIODS.map((p) => [p, z.optional(ActualValueSchema)])) as Record<
    Period,
    z.ZodMiniOptional<typeof ActualValueSchema>
  >,
);
const EstimatesSchema = z.array(PeriodSchema);
const OverridesSchema = z.record(
  z.string(),
  z.strictObject({ status: z.enum(STATUSES), reason: z._default(z.string(), "") }),
);
const PreviousSchema = z.record(z.string(), z.union([ActualValueSchema, PeriodFiguresSchema]));
/** `$assigned`: a phrase by Mã, or by the text of an indicator the resolution does not have. */
const AssignedSchema = z.record(z.string(), z.string());
const FILE_KEYS = ["$notes", "$estimates", "$overrides", "$previous", "$assigned", "$assignedBy"];
const FILE_KEYS_TEXT = FILE_KEYS.map((k) => `"${k}"`).join(", ");

/**
 * The whole actuals file of interfaces.md, as one schema: its JSON Schema is what `chitieu schema`
 * prints; actualsFileFromJson reads the same shape with messages that name each indicator.
 */
export const ActualsFileSchema = z
  .catchall(
    z.strictObject({
      $estimates: z.optional(EstimatesSchema),
      $overrides: z.optional(OverridesSchema),
      $notes: z.optional(NotesSchema),
      $previous: z.optional(PreviousSchema),
      $assigned: z.optional(AssignedSchema),
      $assignedBy: z.optional(z.string()),
    }),
    z.union([ActualValueSchema, PeriodFiguresSchema]),
  )
  .check(
    z.refine((file) => Object.keys(file).every((k) => !k.startsWith("$") || FILE_KEYS.includes(k)), {
      message: `chỉ có ${FILE_KEYS_TEXT} bắt đầu bằng "$"`,
    }),
  );

const isPeriodObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Figures by Mã, plain (the year's) or per period, split by period; an unknown period is an error. */
function splitPeriods(data: Record<string, unknown>, source: string): Record<Period, Record<string, unknown>> {
  const byPeriod = Object.fromEntries(PERIODS.map((p) => [p, {}])) as Record<Period, Record<string, unknown>>;
  for (const [id, v] of Object.entries(data)) {
    if (!isPeriodObject(v)) {
      byPeriod.nam[id] = v;
      continue;
    }
    const wrong = Object.keys(v).filter((k) => !(PERIODS as readonly string[]).includes(k));
    if (wrong.length > 0)
      throw new InputError(
        `${source}, chỉ tiêu ${id}: kỳ ${wrong.map((k) => `"${k}"`).join(", ")} không có; các kỳ là ${PERIODS.map((p) => `"${p}"`).join(", ")}.`,
      );
    for (const [p, fig] of Object.entries(v)) byPeriod[p as Period][id] = fig;
  }
  return byPeriod;
}

/** An actuals file read: its content, the periods it gives figures for, and warnings on figures surely mistyped. */
export interface ActualsRead {
  /** The resolution, with the section of extra assigned indicators when `$assigned` names some (assigned.ts). */
  resolution: Resolution;
  content: Content;
  periods: Period[];
  hints: string[];
}

/**
 * An actuals JSON file: figures by Mã (plain, or per period), `$estimates`, `$overrides`, `$notes`,
 * `$previous`, `$assigned`, `$assignedBy` (interfaces.md).
 */
export function actualsFileFromJson(data: unknown, base: Resolution, source: string): ActualsRead {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    actualsFromJson(data, base, source);
    throw new InputError(`${source}: cần một đối tượng JSON { "<mã chỉ tiêu>": số liệu }.`);
  }
  const { $notes, $estimates, $overrides, $previous, $assigned, $assignedBy, ...rest } = data as Record<
    string,
    unknown
  >;
  const later = Object.keys(rest).filter((k) => k.startsWith("$"));
  if (later.length > 0)
    throw new InputError(
      `${source}: ${later.map((k) => `"${k}"`).join(", ")} không dùng được (chỉ có ${FILE_KEYS_TEXT}).`,
    );
  if ($previous !== undefined && !isPeriodObject($previous))
    throw new InputError(
      `${source} ($previous): cần một đối tượng { "<mã chỉ tiêu>": số liệu cùng kỳ năm trước } (hoặc theo kỳ { "6t": …, "nam": … }).`,
    );
  const read = <T>(schema: z.ZodMiniType<T>, v: unknown, key: string, empty: T): T => {
    if (v === undefined) return empty;
    const parsed = schema.safeParse(v);
    if (!parsed.success) throw new InputError(describeIssues(parsed.error, `${source} (${key})`, v));
    return parsed.data;
  };
  const noteMap = read(NotesSchema, $notes, "$notes", {});
  const estimates = read(EstimatesSchema, $estimates, "$estimates", []);
  const overrides = read(OverridesSchema, $overrides, "$overrides", {}) as Record<string, Override>;
  const assignedMap = read(AssignedSchema, $assigned, "$assigned", {});
  const assignedBy = read(z.optional(z.string()), $assignedBy, "$assignedBy", undefined);
  // A key that is a Mã gives that indicator's assigned target; any other is an indicator of its own.
  const givenIds = new Set(allIndicators(base).map((i) => i.id));
  const assigned = addAssigned(
    base,
    { rows: {}, ...(assignedBy !== undefined ? { assignedBy } : {}) },
    {
      byId: Object.fromEntries(Object.entries(assignedMap).filter(([k]) => givenIds.has(k))),
      extra: Object.entries(assignedMap)
        .filter(([k]) => !givenIds.has(k))
        .map(([text, phrase]) => ({ text, phrase })),
    },
  );
  if (assigned.problems.length > 0)
    throw new InputError(`${source} ($assigned):\n${assigned.problems.map((p) => `  - ${p}`).join("\n")}`);
  const resolution = assigned.resolution;
  const ids = new Set(allIndicators(resolution).map((i) => i.id));
  for (const [key, map] of [
    ["$notes", noteMap],
    ["$overrides", overrides],
  ] as const) {
    const unknown = Object.keys(map).filter((id) => !ids.has(id));
    if (unknown.length > 0)
      throw new InputError(
        `${source} (${key}) có mã chỉ tiêu không có trong nghị quyết: ${unknown.map((u) => `"${u}"`).join(", ")}.`,
      );
  }
  const byPeriod = splitPeriods(rest, source);
  const given: Period[] = [];
  const hints: string[] = [];
  const written: Partial<Record<Period, Actuals>> = {};
  for (const p of PERIODS) {
    const figures = byPeriod[p];
    if (p !== YEAR && Object.keys(figures).length === 0) continue;
    const where = p === YEAR ? source : `${source} (${PERIOD_INFO[p].label})`;
    written[p] = actualsFromJson(figures, resolution, where);
    given.push(p);
    hints.push(...actualsHints(written[p], resolution, where));
  }
  // Last year's figures of the same periods, checked as this year's are (semantics section 9).
  const previous: Partial<Record<Period, Actuals>> = {};
  if ($previous !== undefined) {
    const prevSource = `${source} ($previous)`;
    const byPrev = splitPeriods($previous as Record<string, unknown>, prevSource);
    for (const p of PERIODS) {
      if (Object.keys(byPrev[p]).length === 0) continue;
      const where = `${source} ($previous${p === YEAR ? "" : `, ${PERIOD_INFO[p].label}`})`;
      previous[p] = actualsFromJson(byPrev[p], resolution, where);
      if (!given.includes(p)) given.push(p);
      hints.push(...actualsHints(previous[p], resolution, where));
    }
    given.sort((a, b) => PERIODS.indexOf(a) - PERIODS.indexOf(b));
  }
  const content: Content = {
    ...writtenContent(resolution, written, previous),
    ...($estimates !== undefined ? { estimates } : {}),
    ...(assignedBy !== undefined ? { assignedBy } : {}),
  };
  const row = (id: string) => (content.rows[id] ??= { figures: {} });
  for (const [id, note] of Object.entries(noteMap)) row(id).note = note;
  for (const [id, o] of Object.entries(overrides)) row(id).override = o;
  for (const [id, r] of Object.entries(assigned.content.rows))
    if (r.assigned !== undefined) row(id).assigned = r.assigned;
  return { resolution, content, periods: given, hints };
}

/** Validates actual figures against a resolution: unknown ids and wrong figures are errors. */
export function actualsFromJson(data: unknown, resolution: Resolution, source: string): Actuals {
  const r = ActualsSchema.safeParse(data);
  if (!r.success) throw new InputError(describeIssues(r.error, source, data));
  const byId = new Map(allIndicators(resolution).map((i) => [i.id, i]));
  const unknown = Object.keys(r.data).filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw new InputError(
      `${source} có mã chỉ tiêu không có trong nghị quyết: ${unknown.map((u) => `"${u}"`).join(", ")}.`,
    );
  const problems = Object.entries(r.data).flatMap(([id, value]) => {
    const check = checkFigure(byId.get(id)!, value);
    return check.ok ? [] : [`  - chỉ tiêu ${id}: ${check.reason}`];
  });
  if (problems.length > 0) throw new InputError(`${source} có số liệu không hợp lệ:\n${problems.join("\n")}`);
  return r.data;
}

/**
 * Figures that are valid but surely mistyped, as warnings: a percentage below 1 against a target of
 * 1% or more ("0,995" meant 99,5%: percentages are written as percents, not Excel fractions).
 */
export function actualsHints(actuals: Actuals, resolution: Resolution, source: string): string[] {
  const hints: string[] = [];
  for (const ind of allIndicators(resolution)) {
    const v = actuals[ind.id];
    if (typeof v !== "number" || v <= 0 || v >= 1) continue;
    const m = measureOf(ind);
    if (m.kind !== "percent" && m.kind !== "percentOfPlan") continue;
    const t = ind.target;
    const bound = "min" in t ? t.min : "value" in t ? t.value : 0;
    if (bound < 1) continue;
    hints.push(
      `${source}, chỉ tiêu ${ind.id}: ${formatFigure(v, m)} — có phải ${formatFigure(v * 100, m)}? Tỷ lệ ghi theo phần trăm (99.5 là 99,5%).`,
    );
  }
  return hints;
}
