import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { BUILTIN_RESOLUTION } from "../../src/core/builtin";
import { ResolutionSchema, type Indicator, type Resolution } from "../../src/core/model";
import { PERIODS, type Period } from "../../src/core/words";
import type { Content, RowContent } from "../../src/core/content";
import { carryOver, type CarryOver, type Confirmed } from "../../src/workbook/carry";
import { KEY_ROW, eachCellOf } from "../../src/workbook/layout";
import { buildWorkbookPlan } from "../../src/workbook/plan";
import { readTrackingValues } from "../../src/workbook/sheet-read";

/**
 * The carry-over corpus (test/fixtures/carry/*.json): each scenario is an old resolution, what staff
 * typed into its sheet, edits to the resolution (and to the sheet), and by hand where every typed
 * item belongs in the new sheet (a new Mã, or null: it must not be carried).
 */
export interface Typed {
  nam?: number | string;
  "6t"?: number | string;
  "9t"?: number | string;
  note?: string;
  /** Staff's assessment and its reason. */
  override?: [string, string];
}

type Edit =
  | ({ set: string } & Partial<Indicator>)
  | { remove: string }
  | { insert: Indicator; after: string }
  | { move: string; to: string; id: string }
  | { organization: string }
  | { year: number }
  | { resolution: string };

type SheetEdit =
  | { dropKeyRow: true }
  | { header: [string, string] }
  | { clearId: string }
  | { clearText: string }
  | { swapRows: [string, string] };

export interface Scenario {
  name: string;
  /** Where the wording comes from (a public document), when not the built-in resolution. */
  source?: string;
  base?: string;
  /** Edits that make the old resolution from the base one. */
  before?: Edit[];
  periods?: Period[];
  typed: Record<string, Typed>;
  edits: Edit[];
  sheet?: SheetEdit[];
  /** Pairs staff confirm (old Mã → new Mã), as the pane's choice or the CLI's --match. */
  confirm?: Record<string, string>;
  expect: Record<string, string | null>;
}

export interface Outcome {
  name: string;
  right: number;
  wrong: string[];
  leftNamed: number;
  unnamed: string[];
  /** Items expected to be carried, and how many were without staff confirming. */
  toCarry: number;
  auto: number;
}

const FIXTURES = path.join(__dirname, "../fixtures");

export function loadScenarios(): Scenario[] {
  const dir = path.join(FIXTURES, "carry");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Scenario[]);
}

export const fixture = (name: string): Resolution =>
  name === "builtin"
    ? BUILTIN_RESOLUTION
    : ResolutionSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")));

/** The new resolution: the old one with the scenario's edits. */
export function edited(old: Resolution, edits: Edit[]): Resolution {
  let r: Resolution = structuredClone(old);
  const where = (id: string) => {
    for (const s of r.sections) {
      const k = s.indicators.findIndex((i) => i.id === id);
      if (k >= 0) return { s, k };
    }
    throw new Error(`no indicator ${id}`);
  };
  for (const e of edits) {
    if ("set" in e) {
      const { set, ...fields } = e;
      const { s, k } = where(set);
      s.indicators[k] = { ...s.indicators[k]!, ...fields };
    } else if ("remove" in e) {
      const { s, k } = where(e.remove);
      s.indicators.splice(k, 1);
    } else if ("insert" in e) {
      const { s, k } = where(e.after);
      s.indicators.splice(k + 1, 0, e.insert);
    } else if ("move" in e) {
      const { s, k } = where(e.move);
      const [ind] = s.indicators.splice(k, 1);
      r.sections.find((x) => x.id === e.to)!.indicators.push({ ...ind!, id: e.id });
    } else if ("organization" in e) r.organization = e.organization;
    else if ("year" in e) r.year = e.year;
    else r = structuredClone(fixture(e.resolution));
  }
  return ResolutionSchema.parse(r);
}

/** What staff typed in the old sheet, as content. */
export function typedContent(sc: Scenario): Content {
  const typedRows: Content["rows"] = {};
  for (const [id, t] of Object.entries(sc.typed)) {
    const row: RowContent = { figures: {} };
    for (const p of PERIODS) if (t[p as keyof Typed] !== undefined) row.figures[p] = t[p as keyof Typed];
    if (t.note) row.note = t.note;
    if (t.override) row.override = { status: t.override[0], reason: t.override[1] };
    typedRows[id] = row;
  }
  return { rows: typedRows };
}

/** The old sheet as the readers get it: the plan's cells, number formats and the scenario's edits. */
function oldSheet(sc: Scenario, old: Resolution) {
  const typedRows = typedContent(sc).rows;
  const plan = buildWorkbookPlan(old, { periods: sc.periods ?? ["6t", "nam"], content: { rows: typedRows } });
  const sheet = plan.sheets[0]!;
  const width = Math.max(...sheet.cells.map((c) => c.col));
  const height = Math.max(...sheet.cells.map((c) => c.row));
  const values: unknown[][] = Array.from({ length: height }, () => Array<unknown>(width).fill(""));
  const formats: unknown[][] = Array.from({ length: height }, () => Array<unknown>(width).fill("General"));
  for (const c of sheet.cells) values[c.row - 1]![c.col - 1] = c.value ?? c.formula ?? "";
  for (const s of sheet.styles)
    if (s.style.numFmt)
      eachCellOf(s.ref, (row, col) => {
        if (row <= height && col <= width) formats[row - 1]![col - 1] = s.style.numFmt;
      });
  const rowOf = (id: string) => values.findIndex((r) => r[0] === id);
  // Each typed row's 1-based sheet row, followed through the sheet edits.
  const rows = new Map(Object.keys(sc.typed).map((id) => [id, rowOf(id) + 1]));
  const textCol = values.find((r) => r[0] === "Mã")!.indexOf("Chỉ tiêu");
  for (const e of sc.sheet ?? []) {
    if ("dropKeyRow" in e) values[KEY_ROW - 1] = values[KEY_ROW - 1]!.map(() => "");
    else if ("header" in e) {
      const head = values.find((r) => r[0] === "Mã")!;
      head[head.indexOf(e.header[0])] = e.header[1];
    } else if ("clearId" in e) values[rowOf(e.clearId)]![0] = "";
    else if ("clearText" in e) values[rowOf(e.clearText)]![textCol] = "";
    else {
      const [a, b] = e.swapRows.map(rowOf) as [number, number];
      for (const [id, r] of rows) rows.set(id, r === a + 1 ? b + 1 : r === b + 1 ? a + 1 : r);
      [values[a], values[b]] = [values[b]!, values[a]!];
      [formats[a], formats[b]] = [formats[b]!, formats[a]!];
    }
  }
  return { existing: readTrackingValues("Theo dõi", values, 1, formats)!, rows };
}

/** Where each typed item went: every carried value is traced back by its (unique) value. */
export function runScenario(sc: Scenario): Outcome & { carry: CarryOver } {
  const old = edited(fixture(sc.base ?? "builtin"), sc.before ?? []);
  const next = edited(old, sc.edits);
  const { existing, rows: rowOfOld } = oldSheet(sc, old);
  const probe = carryOver(next, existing);
  const confirmed: Confirmed[] = Object.entries(sc.confirm ?? {}).map(([from, to]) => {
    const m = probe.maybe.find((x) => x.id === from && x.to === to);
    if (!m) throw new Error(`${sc.name}: ${from} → ${to} is not offered`);
    return { row: m.row, to };
  });
  const carry = confirmed.length > 0 ? carryOver(next, existing, { confirmed }) : probe;
  const out: Outcome = { name: sc.name, right: 0, wrong: [], leftNamed: 0, unnamed: [], toCarry: 0, auto: 0 };
  const seen = new Set<string>();
  for (const [id, t] of Object.entries(sc.typed)) {
    if (!(id in sc.expect)) throw new Error(`${sc.name}: no expected place for ${id}`);
    const want = sc.expect[id]!;
    const items: [string, unknown, (newId: string) => unknown][] = [];
    const at = (n: string) => carry.content.rows[n];
    for (const p of PERIODS)
      if (t[p as keyof Typed] !== undefined) items.push([p, t[p as keyof Typed], (n) => at(n)?.figures[p]]);
    if (t.note) items.push(["ghi chú", t.note, (n) => at(n)?.note]);
    if (t.override) items.push(["đánh giá lại", t.override[1], (n) => at(n)?.override?.reason]);
    for (const [what, value, at] of items) {
      const key = `${what}:${String(value)}`;
      if (seen.has(key)) throw new Error(`${sc.name}: ${key} typed twice; values must trace back`);
      seen.add(key);
      const landed = next.sections.flatMap((s) => s.indicators).filter((i) => at(i.id) === value);
      // A row named, or the column it was under (a header that says none of the columns).
      const named =
        [...carry.leftBehind, ...carry.maybe].some((l) => l.row === rowOfOld.get(id)) ||
        (what === "ghi chú" && carry.leftBehind.some((l) => l.what.some((w) => w.startsWith("cột "))));
      if (want !== null) out.toCarry++;
      if (landed.length === 1 && landed[0]!.id === want) {
        out.right++;
        if (!sc.confirm?.[id]) out.auto++;
      } else if (landed.length > 0) out.wrong.push(`${id} ${what} → ${landed.map((i) => i.id).join(",")}`);
      else if (named) out.leftNamed++;
      else out.unnamed.push(`${id} ${what}`);
    }
  }
  return { ...out, carry };
}
