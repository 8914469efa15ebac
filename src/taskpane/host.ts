import type { Resolution } from "../core/model";
import type { WorkbookState } from "../workbook/excel";
import type { ReadBack } from "../workbook/tracking-row";
import type { CarryMode, Confirmed } from "../workbook/carry";
import {
  CELL_EDIT_API,
  EXCEL_REQUIREMENT,
  REPORT_SHEET,
  REQUIRED_API,
  TRACKING_SHEET,
  UNDO_SAFE_API,
  DEFAULT_LAYOUT,
  colNumber,
  type ColumnKey,
} from "../workbook/layout";
import type { Period } from "../core/periods";
import { saveFile } from "./download";
import { BUILTIN_RESOLUTION } from "../core/builtin";
import type { AssignedChoice } from "../workbook/assigned";

// The writer, the plan and carry-over load on first use: the first screen does not need them.
const workbookModules = () =>
  Promise.all([
    import(/* webpackChunkName: "workbook" */ "../workbook/excel"),
    import(/* webpackChunkName: "workbook" */ "../workbook/carry"),
    import(/* webpackChunkName: "workbook" */ "../workbook/plan"),
    import(/* webpackChunkName: "workbook" */ "../workbook/tracking-row"),
    import(/* webpackChunkName: "workbook" */ "../workbook/assigned"),
    import(/* webpackChunkName: "workbook" */ "../workbook/report-sheet"),
  ]);

export const TOO_OLD = `Phiên bản Excel này quá cũ cho phần bổ trợ (cần ${EXCEL_REQUIREMENT}). Hãy dùng trang Chỉ tiêu trên trình duyệt để tải sổ theo dõi (.xlsx).`;

export interface InsertResult {
  kept: string[];
  /** What this Excel did not take of print setup, frozen header or chart (the sheets are complete regardless). */
  extras: string[];
  carried: number;
  /** Old rows carried to an indicator under another Mã (same text). */
  moved: { from: string; to: string }[];
  /** What was not carried (it stays in the kept old sheet), one Vietnamese line each. */
  leftBehind: string[];
  /** What was carried, column by column ("30 số liệu cả năm, 45 ghi chú"). */
  counts?: string;
  /** Carried but said: figures that were formulas, one line each. */
  notices?: string[];
  /** Periods kept in the new sheet because the old one had figures for them, though not asked for. */
  addedPeriods?: Period[];
  /** The old sheet's tolerance when it differs from the one used (what the user typed wins). */
  oldTolerance: number | null;
  /** Why the old sheet's tolerance could not be used, when it could not. */
  oldToleranceProblem: string | null;
}

/** How the sheet already in the workbook is used by an insert. */
export type InsertMode = CarryMode | "fresh";

/**
 * "live": the check follows each edit of the figures; "manual": this Excel would lose its undo
 * history (Ctrl+Z) on every add-in call, so the check runs on request only; "none": no sheet.
 */
export type WatchMode = "live" | "manual" | "none";

/** What the task pane needs from where it runs: Excel, or a plain browser. */
export interface Host {
  kind: "excel" | "browser";
  /** A Vietnamese message when this Excel is too old for the add-in, else null. */
  tooOld(): string | null;
  inspect(): Promise<WorkbookState>;
  /**
   * Reads the workbook again, carries figures over by Mã and writes the new sheets, in one Excel.run.
   * `mode`: the old sheet is this year's ("same-year", the default), last year's ("previous-year": its
   * figures become the Cùng kỳ figures), or not carried at all ("fresh"; it is kept as it is).
   */
  insert(
    resolution: Resolution,
    tolerance: number,
    periods?: readonly Period[],
    confirmed?: readonly Confirmed[],
    assigned?: AssignedChoice | null,
    mode?: InsertMode,
  ): Promise<InsertResult>;
  /** The tracking sheet read back (its resolution, or `fallback` when unreadable), or null when there is none. */
  readBack(fallback: Resolution): Promise<ReadBack | null>;
  /** Selects a cell of the tracking sheet (its name as read back: staff may have renamed it). */
  select(cell: string, sheet?: string): Promise<void>;
  /** Writes numbers over figures stored as text (the check's "Sửa tự động"), in one batch. */
  fixFigures(fixes: { sheet: string; cell: string; value: number }[]): Promise<void>;
  /** Calls `onChange` (debounced) when staff edit the figure or target columns of the tracking sheet. */
  watch(onChange: () => void): Promise<WatchMode>;
  /** Stops calling `onChange`; the one registration in Excel stays for the next watcher. */
  unwatch(onChange: () => void): void;
  /** Outside Excel: builds the same workbook as an .xlsx download. */
  download(
    resolution: Resolution,
    tolerance: number,
    periods?: readonly Period[],
    assigned?: AssignedChoice | null,
  ): Promise<string>;
  /** The reading staff are correcting, kept until inserted (in the workbook's settings, or the browser's storage). */
  draft: DraftStore;
}

export interface DraftStore {
  load(): unknown;
  save(r: Resolution | null): void;
}

/** The part of Office.Settings a draft needs (the workbook keeps it, so reopening the pane finds it). */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: unknown) => void): void;
}

const DRAFT_KEY = "chitieuDraft";

function settingsDraft(settings: () => SettingsLike | undefined): DraftStore {
  return {
    load: () => {
      try {
        const v = settings()?.get(DRAFT_KEY);
        return typeof v === "string" ? JSON.parse(v) : null;
      } catch {
        return null;
      }
    },
    save: (r) => {
      const s = settings();
      if (!s) return;
      if (r) s.set(DRAFT_KEY, JSON.stringify(r));
      else s.remove(DRAFT_KEY);
      s.saveAsync();
    },
  };
}

/** The browser's own storage, for the pane opened outside Excel. */
export function storageDraft(storage: () => Storage | undefined = () => globalThis.localStorage): DraftStore {
  return {
    load: () => {
      try {
        const v = storage()?.getItem(`chitieu:${DRAFT_KEY}`);
        return v ? JSON.parse(v) : null;
      } catch {
        return null;
      }
    },
    save: (r) => {
      try {
        if (r) storage()?.setItem(`chitieu:${DRAFT_KEY}`, JSON.stringify(r));
        else storage()?.removeItem(`chitieu:${DRAFT_KEY}`);
      } catch {
        // Storage full or refused: the draft is a convenience, never a reason to fail.
      }
    },
  };
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Compares "1.9" and "1.11" as versions. */
const atLeast = (have: string, need: string) => {
  const [a1 = 0, a2 = 0] = have.split(".").map(Number);
  const [b1 = 0, b2 = 0] = need.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : a2 >= b2;
};
/** A host that supports ExcelApi up to `max` (tests and the fake). */
export const supportsUpTo = (max: string) => (version: string) => atLeast(max, version);

/** Columns whose edits change the check: the figures, the assessment and the target's technical columns. */
const WATCHED_KEYS = /^(?:actual|override|reason|cumulative|op|value|max)/u;
const watchedOf = (columns: Partial<Record<ColumnKey, string>>) =>
  Object.entries(columns)
    .filter(([key]) => WATCHED_KEYS.test(key))
    .map(([, letters]) => colNumber(letters!));
const DEFAULT_WATCHED = DEFAULT_LAYOUT.columns.flatMap((c, i) => (WATCHED_KEYS.test(c.key) ? [i + 1] : []));
const touchesWatched = (address: string, watched: number[]) =>
  address.split(",").some((part) => {
    const cols = [...part.replace(/^.*!/, "").matchAll(/\$?([A-Z]+)\$?\d*/g)].map((m) => colNumber(m[1]!));
    if (cols.length === 0) return true;
    const [a, b = a] = cols as [number, number?];
    return watched.some((c) => c >= Math.min(a, b!) && c <= Math.max(a, b!));
  });

export const CHECK_DELAY_MS = 300;

export function excelHost(
  run?: Run,
  supports: (version: string) => boolean = (v) => Office.context.requirements.isSetSupported("ExcelApi", v),
  settings: () => SettingsLike | undefined = () =>
    typeof Office === "undefined" ? undefined : (Office.context.document?.settings as SettingsLike | undefined),
): Host {
  // Waits for a cell being edited instead of failing (ExcelApi 1.11).
  const excelRun: Run =
    run ?? ((batch) => (supports(CELL_EDIT_API) ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch)));
  const inspect = async () => {
    const [{ readWorkbook }] = await workbookModules();
    return excelRun((ctx) => readWorkbook(ctx));
  };

  // The columns an edit must touch to be checked: the default layout's until the sheet is read, then its own.
  let watched = DEFAULT_WATCHED;
  // One change handler for the tracking sheet, whatever the number of Check tab visits.
  let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
  let listener: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The "Chỉ tiêu <cấp> giao" column, when the sheet has one: a phrase typed there is read on change.
  let assignedCol = 0;
  let reading: Promise<void> = Promise.resolve();
  let fitTimer: ReturnType<typeof setTimeout> | null = null;
  const onSheetChanged = async (e: Excel.WorksheetChangedEventArgs) => {
    if (assignedCol > 0 && touchesWatched(e.address, [assignedCol]))
      reading = reading.then(readTypedAssigned).catch(() => undefined);
    if (!touchesWatched(e.address, watched)) return;
    // The Báo cáo sheet's print area follows the sentences.
    if (fitTimer) clearTimeout(fitTimer);
    fitTimer = setTimeout(() => void fitReport().catch(() => undefined), CHECK_DELAY_MS);
    if (!listener) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => listener?.(), CHECK_DELAY_MS);
  };
  /**
   * When the figures give another number of sentences than the Báo cáo sheet prints, its print area
   * and count are set to them and their rows fitted (else the sheet's note warns that they differ).
   */
  const fitReport = async () => {
    // Only where writing keeps Excel's undo (the handler is registered only there as well).
    if (!supports(UNDO_SAFE_API)) return;
    const [, , , , , { REPORT_COUNTS, REPORT_PRINTED, reportPrintArea, reportSentenceRows }] = await workbookModules();
    await excelRun(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(REPORT_SHEET);
      await ctx.sync();
      if (ws.isNullObject) return;
      const counts = ws.getRange(REPORT_COUNTS).load("values");
      await ctx.sync();
      const [printed, now] = counts.values[0] ?? [];
      if (typeof now !== "number" || !Number.isInteger(now) || now < 1 || now === printed) return;
      ws.pageLayout.setPrintArea(reportPrintArea(now));
      ws.getRange(REPORT_PRINTED).values = [[now]];
      ws.getRange(reportSentenceRows(now)).format.autofitRows();
      await ctx.sync();
    });
  };
  /**
   * Reads the assigned phrases staff typed into the sheet through the target reader and writes the
   * technical cells the formulas use (tracking-row.assignedUpdates), in one batch.
   */
  const readTypedAssigned = async () => {
    const [{ readWorkbook, enteredValue }, , , { readBack, assignedUpdates, typedPhrase }] = await workbookModules();
    await excelRun(async (ctx) => {
      const state = await readWorkbook(ctx);
      const t = state.tracking;
      const letter = t?.columns.assignedText;
      if (!t || !letter || t.rows.length === 0) return;
      const back = readBack(t, BUILTIN_RESOLUTION);
      if (!back.own) return;
      const rows = t.rows.map((r) => r.row);
      const [first, last] = [Math.min(...rows), Math.max(...rows)];
      const ws = ctx.workbook.worksheets.getItem(t.name);
      const range = ws.getRange(`${letter}${first}:${letter}${last}`);
      range.load("values,numberFormat");
      await ctx.sync();
      const typed = new Map(
        rows.map((r) => [r, typedPhrase(range.values[r - first]?.[0], range.numberFormat[r - first]?.[0])]),
      );
      for (const u of assignedUpdates(back, typed))
        for (const [key, value] of Object.entries(u.cells)) {
          const at = t.columns[key as ColumnKey];
          if (at) ws.getRange(`${at}${u.row}`).values = [[enteredValue(value)]];
        }
      await ctx.sync();
    });
  };
  const register = () =>
    excelRun(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(TRACKING_SHEET);
      await ctx.sync();
      if (ws.isNullObject) return false;
      registration = ws.onChanged.add(onSheetChanged);
      await ctx.sync();
      return true;
    });
  const unregister = async () => {
    const r = registration;
    registration = null;
    if (!r) return;
    r.remove();
    await r.context.sync().catch(() => undefined);
  };

  return {
    kind: "excel",
    tooOld: () => (supports(REQUIRED_API) ? null : TOO_OLD),
    inspect,
    insert: async (resolution, tolerance, periods, confirmed = [], assigned = null, mode = "same-year") => {
      const [
        { readWorkbook, writeWorkbook },
        { contentOverOld, describeLeftBehind, describeMaybe, describeCounts, keepPeriods },
        { buildWorkbookPlan },
        ,
        { withAssignedChoice },
      ] = await workbookModules();
      // The old sheet's handler goes with it; the add-in's own writes must not trigger a check.
      const wasWatching = registration !== null;
      await unregister();
      const result = await excelRun(async (ctx) => {
        const state = await readWorkbook(ctx);
        // What staff typed in the pane (the tolerance) is newest; pairs staff confirmed are carried.
        // The old sheet's extra assigned indicators (section GX) are kept with the new resolution.
        const oldSheet = mode === "fresh" ? null : state.tracking;
        const carried = contentOverOld(resolution, oldSheet, [{ rows: {}, tolerance }], {
          confirmed,
          mode: mode === "fresh" ? "same-year" : mode,
        });
        const { carry } = carried;
        // The assigned targets staff confirmed in the pane are the newest source.
        const { resolution: withAssigned, content } = withAssignedChoice(carried.resolution, carried.content, assigned);
        const oldTolerance = carry.oldTolerance;
        const asked = periods ?? (state.tracking?.periods.length ? state.tracking.periods : undefined);
        // Fewer periods than the old sheet has figures for: the period is kept, and said.
        const withPeriods = asked ? keepPeriods(asked, content) : null;
        const plan = buildWorkbookPlan(withAssigned, { content, periods: withPeriods?.periods });
        const { kept, extras } = await writeWorkbook(ctx, plan, {
          sheetNames: state.sheetNames,
          hasToleranceName: state.hasToleranceName,
          toleranceRef: state.toleranceRef,
          names: state.names ?? {},
          supports,
        });
        // A tracking sheet staff renamed is not renamed again; it is kept as it is.
        const own = state.tracking?.name;
        const renamedByUs = own === undefined || own.toLocaleLowerCase("vi") === TRACKING_SHEET.toLocaleLowerCase("vi");
        return {
          kept: renamedByUs ? kept : [own, ...kept],
          extras,
          carried: carry.carried,
          moved: carry.moved,
          leftBehind: [...carry.maybe.map(describeMaybe), ...carry.leftBehind.map(describeLeftBehind)],
          counts: describeCounts(carry.counts),
          notices: carry.notices.map(describeLeftBehind),
          addedPeriods: withPeriods?.added ?? [],
          oldTolerance: oldTolerance?.ok && oldTolerance.value !== tolerance ? oldTolerance.value : null,
          oldToleranceProblem: oldTolerance && !oldTolerance.ok ? oldTolerance.message : null,
        };
      });
      if (wasWatching) await register().catch(() => false);
      return result;
    },
    readBack: async (fallback) => {
      const [, , , { readBack }] = await workbookModules();
      const { tracking } = await inspect();
      if (tracking) watched = watchedOf(tracking.columns);
      assignedCol = tracking?.columns.assignedText ? colNumber(tracking.columns.assignedText) : 0;
      // A phrase typed into "Chỉ tiêu <cấp> giao" is read on change, where the add-in keeps Excel's undo.
      if (assignedCol > 0 && !registration && supports(UNDO_SAFE_API)) await register().catch(() => false);
      return tracking ? readBack(tracking, fallback) : null;
    },
    select: (cell, sheet = TRACKING_SHEET) =>
      excelRun(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
    fixFigures: (fixes) =>
      excelRun(async (ctx) => {
        for (const f of fixes) ctx.workbook.worksheets.getItem(f.sheet).getRange(f.cell).values = [[f.value]];
        await ctx.sync();
      }),
    watch: async (onChange) => {
      // Before ExcelApi 1.19 every call from the add-in clears Excel's undo history.
      if (!supports(UNDO_SAFE_API)) return "manual";
      listener = onChange;
      if (registration) return "live";
      return (await register()) ? "live" : "none";
    },
    unwatch: (onChange) => {
      if (listener === onChange) listener = null;
      if (timer) clearTimeout(timer);
    },
    download: () => Promise.reject(new Error("Trong Excel, hãy dùng nút Chèn sổ theo dõi.")),
    draft: settingsDraft(settings),
  };
}

export function browserHost(draft: DraftStore = storageDraft()): Host {
  const notHere = () => Promise.reject(new Error("Chức năng này chỉ có khi mở trong Excel."));
  return {
    kind: "browser",
    tooOld: () => null,
    inspect: notHere,
    insert: notHere,
    readBack: notHere,
    select: notHere,
    fixFigures: notHere,
    watch: async () => "none",
    unwatch: () => undefined,
    draft,
    download: async (plain, tolerance, periods, assigned = null) => {
      // exceljs is loaded only here, so the pane inside Excel stays small.
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");
      const { buildWorkbookPlan } = await import(/* webpackChunkName: "workbook" */ "../workbook/plan");
      const { withAssignedChoice } = await import(/* webpackChunkName: "workbook" */ "../workbook/assigned");
      const { resolution, content } = withAssignedChoice(plain, { rows: {}, tolerance }, assigned);
      const bytes = await writeXlsx(buildWorkbookPlan(resolution, { content, ...(periods ? { periods } : {}) }));
      const name = `chi-tieu-${resolution.year ?? "nghi-quyet"}.xlsx`;
      saveFile(name, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      return name;
    },
  };
}
