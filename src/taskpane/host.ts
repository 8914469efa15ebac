import type { Resolution } from "../core/model";
import { readTolerance } from "../core/tolerance";
import type { WorkbookState } from "../workbook/excel";
import type { ReadBack } from "../workbook/tracking-row";
import { PAGE_LAYOUT_API, REQUIRED_API, TRACKING_SHEET } from "../workbook/layout";
import { saveFile } from "./download";

// The writer, the plan and carry-over load on first use: the first screen does not need them.
const workbookModules = () =>
  Promise.all([
    import(/* webpackChunkName: "workbook" */ "../workbook/excel"),
    import(/* webpackChunkName: "workbook" */ "../workbook/carry"),
    import(/* webpackChunkName: "workbook" */ "../workbook/plan"),
    import(/* webpackChunkName: "workbook" */ "../workbook/tracking-row"),
  ]);

export interface InsertResult {
  kept: string[];
  /** Why print setup or the chart could not be applied (the sheets are complete regardless). */
  extrasError: string | null;
  carried: number;
  orphans: number;
  /** The old sheet's tolerance when it differs from the one used (what the user typed wins). */
  oldTolerance: number | null;
}

/** What the task pane needs from where it runs: Excel, or a plain browser. */
export interface Host {
  kind: "excel" | "browser";
  /** A Vietnamese message when this Excel is too old for the add-in, else null. */
  tooOld(): string | null;
  inspect(): Promise<WorkbookState>;
  /** Reads the workbook again, carries figures over by Mã and writes the new sheets, in one Excel.run. */
  insert(resolution: Resolution, tolerance: number): Promise<InsertResult>;
  /** The tracking sheet read back (its resolution, or `fallback` when unreadable), or null when there is none. */
  readBack(fallback: Resolution): Promise<ReadBack | null>;
  select(cell: string): Promise<void>;
  /** Calls back when the Thực hiện column of the tracking sheet changes. */
  watch(onChange: () => void): Promise<boolean>;
  /** Outside Excel: builds the same workbook as an .xlsx download. */
  download(resolution: Resolution, tolerance: number): Promise<string>;
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function excelHost(
  run: Run = (batch) => Excel.run(batch),
  supports: (version: string) => boolean = (v) => Office.context.requirements.isSetSupported("ExcelApi", v),
): Host {
  const inspect = async () => {
    const [{ readWorkbook }] = await workbookModules();
    return run((ctx) => readWorkbook(ctx));
  };
  return {
    kind: "excel",
    tooOld: () =>
      supports(REQUIRED_API)
        ? null
        : "Phiên bản Excel này quá cũ cho phần bổ trợ (cần Excel 2019/2021, Microsoft 365, Excel trên web hoặc Mac). Hãy dùng trang Chỉ tiêu trên trình duyệt để tải sổ theo dõi (.xlsx).",
    inspect,
    insert: async (resolution, tolerance) => {
      const [{ readWorkbook, writeWorkbook }, { carryOver }, { buildWorkbookPlan }] = await workbookModules();
      return run(async (ctx) => {
        const state = await readWorkbook(ctx);
        const carry = carryOver(resolution, state.tracking);
        const old = state.tracking?.tolerance !== undefined ? readTolerance(state.tracking.tolerance) : null;
        const plan = buildWorkbookPlan(resolution, { figures: carry.figures, notes: carry.notes, tolerance });
        const { kept, extrasError } = await writeWorkbook(ctx, plan, {
          sheetNames: state.sheetNames,
          hasToleranceName: state.hasToleranceName,
          pageLayout: supports(PAGE_LAYOUT_API),
        });
        return {
          kept,
          extrasError,
          carried: carry.carried,
          orphans: carry.orphans.length,
          oldTolerance: old?.ok && old.value !== tolerance ? old.value : null,
        };
      });
    },
    readBack: async (fallback) => {
      const [, , , { readBack }] = await workbookModules();
      const { tracking } = await inspect();
      return tracking ? readBack(tracking, fallback) : null;
    },
    select: (cell) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(TRACKING_SHEET);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
    watch: (onChange) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(TRACKING_SHEET);
        await ctx.sync();
        if (ws.isNullObject) return false;
        ws.onChanged.add(async () => onChange());
        await ctx.sync();
        return true;
      }),
    download: () => Promise.reject(new Error("Trong Excel, hãy dùng nút Chèn sổ theo dõi.")),
  };
}

export function browserHost(): Host {
  const notHere = () => Promise.reject(new Error("Chức năng này chỉ có khi mở trong Excel."));
  return {
    kind: "browser",
    tooOld: () => null,
    inspect: notHere,
    insert: notHere,
    readBack: notHere,
    select: notHere,
    watch: async () => false,
    download: async (resolution, tolerance) => {
      // exceljs is loaded only here, so the pane inside Excel stays small.
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");
      const { buildWorkbookPlan } = await import(/* webpackChunkName: "workbook" */ "../workbook/plan");
      const bytes = await writeXlsx(buildWorkbookPlan(resolution, { tolerance }));
      const name = `chi-tieu-${resolution.year ?? "nghi-quyet"}.xlsx`;
      saveFile(name, bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      return name;
    },
  };
}
