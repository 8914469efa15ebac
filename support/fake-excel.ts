/**
 * An in-memory fake of the Excel JavaScript API subset the add-in uses.
 * - Every modelled member is listed with `satisfies (keyof Excel.X)[]`: a member the real API
 *   does not have fails to compile. Any other member is refused at run time (a misspelled call throws).
 * - Loadable properties throw PropertyNotLoaded unless load() was queued and a sync() ran since.
 * - Writes are queued and applied at sync(), in order; sync() calls are counted; every call is logged.
 * - Each request (what is queued between syncs) is measured as the JSON it would be sent as; one over
 *   the book's limit (Excel on the web: 5 MB) is refused whole, nothing of it applied.
 */

import { utf8Length } from "../src/workbook/excel";

/** Hides (or shows) rows or columns from..to: the set of hidden ones a sheet keeps. */
function hide(hidden: Set<number>, from: number, to: number, on: boolean): void {
  for (let i = from; i <= to; i++)
    if (on) hidden.add(i);
    else hidden.delete(i);
}

export interface CellModel {
  value?: unknown;
  formula?: string;
  numberFormat?: string;
  style: Record<string, unknown>;
}

export interface SheetModel {
  name: string;
  cells: Map<string, CellModel>;
  merges: string[];
  validations: { ref: string; rule?: unknown; errorAlert?: unknown; prompt?: unknown }[];
  conditionalFormats: { ref: string; type: string; props: Record<string, unknown> }[];
  charts: { type: string; source: string; seriesBy: string; title?: string; position?: [string, string] }[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Rows autofitted after their text was written. */
  autofitRows: Set<number>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  /** Outline groups of columns (Range.group "ByColumns"), as "first:last" 1-based. */
  columnGroups: string[];
  freezeRows: number;
  pageLayout: Record<string, unknown>;
  /** Manual page breaks: the rows a printed page starts at (PageBreakCollection.add). */
  pageBreaks: number[];
  onChanged: ((e: unknown) => Promise<void>)[];
  selected: string | null;
}

export class FakeBook {
  sheets: SheetModel[] = [];
  names = new Map<string, { sheet: string; ref: string }>();
  active: string | null = null;
  /** Members this simulated platform refuses at sync: "PageLayout.zoom" (a property), "*.merge" (a method). */
  refuse = new Set<string>();
  /** Settings this simulated platform accepts without applying them, e.g. "PageLayout.zoom". */
  ignore = new Set<string>();
  /** Excel on the web refuses a request whose payload is over 5 MB (RequestPayloadSizeLimitExceeded); null: no limit. */
  requestLimit: number | null = 5 * 1024 * 1024;
  /** What a formula cell shows when read (the fake does not calculate); unset: reading one throws. */
  calculate: ((sheet: string, row: number, col: number, formula: string) => unknown) | null = null;
  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheet(n);
    this.active = sheetNames[0] ?? null;
  }
  addSheet(name: string): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new FakeExcelError("ItemAlreadyExists", `sheet "${name}" already exists`);
    const s: SheetModel = {
      name,
      cells: new Map(),
      merges: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      autofitRows: new Set(),
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
      columnGroups: [],
      freezeRows: 0,
      pageLayout: {},
      pageBreaks: [],
      onChanged: [],
      selected: null,
    };
    this.sheets.push(s);
    return s;
  }
  /** Finds a sheet as Excel does: names compare without regard to case. */
  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeExcelError("ItemNotFound", `no sheet "${name}"`);
    return s;
  }
  /** Puts values into a sheet directly (test set-up), 1-based row and column. */
  put(sheet: string, row: number, col: number, value: unknown): void {
    const s = this.sheet(sheet);
    const key = `${row},${col}`;
    const c = s.cells.get(key) ?? { style: {} };
    c.value = value;
    delete c.formula;
    s.cells.set(key, c);
  }
  /** Exchanges two whole rows, as staff sorting or moving rows does (test set-up). */
  swapRows(sheet: string, a: number, b: number): void {
    const cells = this.sheet(sheet).cells;
    const row = (r: number) => [...cells].filter(([k]) => k.startsWith(`${r},`));
    const [ra, rb] = [row(a), row(b)];
    for (const [k] of [...ra, ...rb]) cells.delete(k);
    for (const [k, v] of ra) cells.set(`${b},${k.split(",")[1]}`, v);
    for (const [k, v] of rb) cells.set(`${a},${k.split(",")[1]}`, v);
  }
  get(sheet: string, row: number, col: number): CellModel | undefined {
    return this.sheet(sheet).cells.get(`${row},${col}`);
  }
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

// ---------- what Excel makes of a string written to a cell ----------

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (y: number, m: number, d: number) => {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? (t - EPOCH) / 86400000 : null;
};
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Reads a string the way Excel reads `formulas`/`values` input (en-US, whatever the user's locale):
 * "'" keeps text, "=" (and "+"/"-" before non-numbers) makes a formula, numbers, percentages,
 * dates, times and TRUE/FALSE become values. A cell formatted "@" keeps any string as text.
 */
export function excelReads(input: string, numberFormat?: string): { value: unknown } | { formula: string } {
  if (numberFormat === "@") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { formula: input.slice(1) };
  const t = input.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const num = /^([+-])?\(?\$?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\)?(%)?$/.exec(t);
  if (num && t.includes("(") === t.includes(")")) {
    let v = Number(num[2]!.replace(/,/g, "")) * 10 ** Number(num[3] ?? 0);
    if (num[4]) v /= 100;
    if (num[1] === "-" || t.startsWith("(")) v = -v;
    return { value: v };
  }
  if (/^[+-]/.test(t)) return { formula: t };
  const year = new Date().getUTCFullYear();
  const mdy = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(t);
  if (mdy) {
    const y = mdy[3] === undefined ? year : mdy[3].length === 2 ? 2000 + Number(mdy[3]) : Number(mdy[3]);
    const d = serial(y, Number(mdy[1]), Number(mdy[2]));
    if (d !== null) return { value: d };
  }
  const iso = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (iso) {
    const d = serial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (d !== null) return { value: d };
  }
  const named = /^(\d{1,2})[ -]([a-z]{3})[a-z]*$/i.exec(t);
  if (named && MONTHS.includes(named[2]!.toLowerCase())) {
    const d = serial(year, MONTHS.indexOf(named[2]!.toLowerCase()) + 1, Number(named[1]));
    if (d !== null) return { value: d };
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (time && Number(time[1]) < 24 && Number(time[2]) < 60)
    return { value: (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400 };
  const frac = /^(\d+) (\d+)\/(\d+)$/.exec(t);
  if (frac && Number(frac[3]) > 0) return { value: Number(frac[1]) + Number(frac[2]) / Number(frac[3]) };
  return { value: input };
}

// ---------- A1 references ----------

const colNum = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number) => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};
export interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}
export function parseRef(ref: string): Box {
  const clean = ref.replace(/\$/g, "").replace(/^'?[^!]*'?!/, "");
  const whole = /^(\d+):(\d+)$/.exec(clean);
  if (whole) return { r0: Number(whole[1]), c0: 1, r1: Number(whole[2]), c1: 16384 };
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(clean);
  if (cols) return { r0: 1, c0: colNum(cols[1]!), r1: 1048576, c1: colNum(cols[2]!) };
  const [a, b = a] = clean.split(":") as [string, string?];
  const p = (x: string) => {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(x);
    if (!m) throw new FakeExcelError("InvalidArgument", `bad range address "${ref}"`);
    return { r: Number(m[2]), c: colNum(m[1]!) };
  };
  const s = p(a);
  const e = p(b);
  return { r0: s.r, c0: s.c, r1: e.r, c1: e.c };
}
export const boxRef = (b: Box) =>
  b.r0 === b.r1 && b.c0 === b.c1
    ? `${colLetters(b.c0)}${b.r0}`
    : `${colLetters(b.c0)}${b.r0}:${colLetters(b.c1)}${b.r1}`;

// ---------- the proxy machinery ----------

type Impl = Record<string, unknown>;

interface Spec {
  type: string;
  /** Real API members this fake models (checked against @types/office-js where it is created). */
  members: readonly string[];
  /** Members that must be loaded before reading. */
  loadable?: readonly string[];
}

export class FakeContext {
  syncCount = 0;
  log: string[] = [];
  /** Bytes queued since the last sync, and the largest request sent so far. */
  requestBytes = 0;
  largestRequest = 0;
  private queue: (() => void)[] = [];
  private loads: (() => void)[] = [];
  readonly workbook: Excel.Workbook;
  constructor(readonly book: FakeBook) {
    this.workbook = workbookProxy(this);
  }
  /** Queues a change; `payload` is what the request carries for it (its JSON). */
  enqueue(what: string, apply: () => void, payload: string = what): void {
    this.log.push(what);
    this.queue.push(apply);
    // Each action's object path and bookkeeping, besides its arguments.
    this.requestBytes += utf8Length(payload) + 100;
  }
  enqueueLoad(apply: () => void): void {
    this.requestBytes += 100;
    this.loads.push(apply);
  }
  async sync(): Promise<void> {
    this.syncCount++;
    this.log.push("sync()");
    const bytes = this.requestBytes;
    this.requestBytes = 0;
    this.largestRequest = Math.max(this.largestRequest, bytes);
    const limit = this.book.requestLimit;
    if (limit !== null && bytes > limit) {
      // Refused before it runs: nothing of the request is applied.
      this.queue.length = 0;
      this.loads.length = 0;
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `the request is ${(bytes / 2 ** 20).toFixed(1)} MB; Excel on the web takes ${(limit / 2 ** 20).toFixed(1)} MB`,
      );
    }
    const q = this.queue.splice(0);
    for (const f of q) f();
    const l = this.loads.splice(0);
    for (const f of l) f();
  }
  get asContext(): Excel.RequestContext {
    return this as unknown as Excel.RequestContext;
  }
}

function proxy<T>(ctx: FakeContext, spec: Spec, impl: Impl, label: string): T {
  const loaded = new Set<string>();
  const snapshot: Record<string, unknown> = {};
  const allowed = new Set(spec.members);
  const loadable = new Set(spec.loadable ?? []);
  const target: Impl = {
    load(props?: string | string[]) {
      const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
      for (const p of list) {
        const [head] = p.split("/");
        if (!loadable.has(head!))
          throw new FakeExcelError("InvalidArgument", `${spec.type}.load("${p}"): not a loadable property`);
      }
      ctx.log.push(`${label}.load(${list.join(",")})`);
      ctx.enqueueLoad(() => {
        for (const p of list) {
          const [head, sub] = p.split("/");
          snapshot[head!] = (impl[`read_${head}`] as (sub?: string) => unknown)(sub);
          loaded.add(head!);
        }
      });
      return proxyRef;
    },
  };
  const proxyRef: T = new Proxy(target, {
    get(_t, prop) {
      if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
      if (prop === "load") return target.load;
      if (!allowed.has(prop))
        throw new FakeExcelError(
          "ApiNotFound",
          `${spec.type}.${prop} is not a member of the Excel API (or not modelled)`,
        );
      if (loadable.has(prop)) {
        if (!loaded.has(prop))
          throw new FakeExcelError("PropertyNotLoaded", `${label}.${prop} read before load() and sync()`);
        return snapshot[prop];
      }
      const v = impl[prop];
      if (v === undefined) throw new FakeExcelError("PropertyNotLoaded", `${label}.${prop} cannot be read`);
      return v;
    },
    set(_t, prop, value) {
      if (typeof prop === "symbol" || !allowed.has(prop))
        throw new FakeExcelError(
          "ApiNotFound",
          `${spec.type}.${String(prop)} is not a member of the Excel API (or not modelled)`,
        );
      const setter = impl[`set_${prop}`] as ((v: unknown) => void) | undefined;
      if (!setter) throw new FakeExcelError("InvalidOperation", `${spec.type}.${prop} is read-only`);
      const json = JSON.stringify(value) ?? "";
      ctx.enqueue(
        `${label}.${prop} = ${json.slice(0, 80)}`,
        () => {
          if (ctx.book.refuse.has(`${spec.type}.${prop}`))
            throw new FakeExcelError("InvalidArgument", `${spec.type}.${prop} refused`);
          setter(value);
        },
        `${label}.${prop}=${json}`,
      );
      return true;
    },
  }) as T;
  return proxyRef;
}

/** Logs and queues a method call that changes the workbook at sync(). */
function call(ctx: FakeContext, label: string, args: unknown[], apply: () => void): void {
  // Methods are refused by their last name: "*.merge", "*.add".
  const method = `*.${label.split(".").pop()}`;
  const text = `${label}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
  ctx.enqueue(text, () => {
    if (ctx.book.refuse.has(method)) throw new FakeExcelError("InvalidOperation", `${label} refused`);
    apply();
  });
}

// ---------- the object model ----------

const WORKBOOK = ["worksheets", "names"] as const satisfies readonly (keyof Excel.Workbook)[];
function workbookProxy(ctx: FakeContext): Excel.Workbook {
  return proxy(
    ctx,
    { type: "Workbook", members: WORKBOOK },
    { worksheets: worksheetsProxy(ctx), names: namesProxy(ctx) },
    "workbook",
  );
}

const WORKSHEETS = [
  "items",
  "getItem",
  "getItemOrNullObject",
  "add",
] as const satisfies readonly (keyof Excel.WorksheetCollection)[];
function worksheetsProxy(ctx: FakeContext): Excel.WorksheetCollection {
  const book = ctx.book;
  return proxy(
    ctx,
    { type: "WorksheetCollection", members: WORKSHEETS, loadable: ["items"] },
    {
      read_items: (sub?: string) => {
        if (sub && sub !== "name") throw new FakeExcelError("InvalidArgument", `items/${sub} not modelled`);
        return book.sheets.map((s) => ({ name: s.name }));
      },
      getItem: (name: string) => worksheetProxy(ctx, name),
      getItemOrNullObject: (name: string) => worksheetProxy(ctx, name, true),
      add: (name: string) => {
        call(ctx, "worksheets.add", [name], () => book.addSheet(name));
        return worksheetProxy(ctx, name);
      },
    },
    "worksheets",
  );
}

const WORKSHEET = [
  "name",
  "isNullObject",
  "getRange",
  "getRangeByIndexes",
  "getUsedRange",
  "getUsedRangeOrNullObject",
  "freezePanes",
  "charts",
  "pageLayout",
  "horizontalPageBreaks",
  "activate",
  "delete",
  "onChanged",
] as const satisfies readonly (keyof Excel.Worksheet)[];
function worksheetProxy(ctx: FakeContext, name: string, orNull = false): Excel.Worksheet {
  // Like a real proxy, the name is resolved when the batch runs, after earlier queued renames and adds.
  let current: SheetModel | null = null;
  const label = `worksheet(${name})`;
  const resolve = () => (current ??= ctx.book.sheet(name));
  let isNull: boolean | undefined;
  ctx.enqueueLoad(() => (isNull = !ctx.book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())));
  const impl: Impl = {
    get name() {
      throw new FakeExcelError("PropertyNotLoaded", `${label}.name read before load()`);
    },
    set_name: (v: string) => {
      const s = resolve();
      if (ctx.book.sheets.some((x) => x !== s && x.name === v)) throw new FakeExcelError("ItemAlreadyExists", v);
      s.name = v;
    },
    get isNullObject() {
      if (!orNull || isNull === undefined)
        throw new FakeExcelError("PropertyNotLoaded", `${label}.isNullObject read before sync()`);
      return isNull;
    },
    getRange: (ref: string) => rangeProxy(ctx, resolve, parseRef(ref)),
    getRangeByIndexes: (r: number, c: number, rows: number, cols: number) =>
      rangeProxy(ctx, resolve, { r0: r + 1, c0: c + 1, r1: r + rows, c1: c + cols }),
    getUsedRange: (valuesOnly?: boolean) => {
      void valuesOnly;
      return rangeProxy(ctx, resolve, null);
    },
    getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
      void valuesOnly;
      return rangeProxy(ctx, resolve, null, () => usedBox(resolve()) !== null);
    },
    freezePanes: proxy(
      ctx,
      { type: "WorksheetFreezePanes", members: ["freezeRows"] satisfies (keyof Excel.WorksheetFreezePanes)[] },
      {
        freezeRows: (n: number) => call(ctx, `${label}.freezePanes.freezeRows`, [n], () => (resolve().freezeRows = n)),
      },
      `${label}.freezePanes`,
    ),
    charts: proxy(
      ctx,
      { type: "ChartCollection", members: ["add"] satisfies (keyof Excel.ChartCollection)[] },
      {
        add: (type: string, source: Excel.Range, seriesBy: string) => {
          const chart: SheetModel["charts"][number] = {
            type,
            source: (source as unknown as { __ref: () => string }).__ref(),
            seriesBy,
          };
          call(ctx, `${label}.charts.add`, [type, chart.source, seriesBy], () => resolve().charts.push(chart));
          return proxy(
            ctx,
            { type: "Chart", members: ["title", "setPosition"] satisfies (keyof Excel.Chart)[] },
            {
              title: proxy(
                ctx,
                { type: "ChartTitle", members: ["text"] satisfies (keyof Excel.ChartTitle)[] },
                { set_text: (t: string) => (chart.title = t) },
                "chart.title",
              ),
              setPosition: (a: string, b: string) =>
                call(ctx, "chart.setPosition", [a, b], () => (chart.position = [a, b])),
            },
            "chart",
          );
        },
      },
      `${label}.charts`,
    ),
    pageLayout: proxy(
      ctx,
      {
        type: "PageLayout",
        members: [
          "orientation",
          "paperSize",
          "zoom",
          "headersFooters",
          "setPrintArea",
          "setPrintTitleRows",
        ] satisfies (keyof Excel.PageLayout)[],
        loadable: ["zoom"],
      },
      {
        set_orientation: (v: unknown) => (resolve().pageLayout.orientation = v),
        set_paperSize: (v: unknown) => (resolve().pageLayout.paperSize = v),
        // A platform may take the setting without applying it (fit-to-width on Windows, OfficeDev/office-js#1860).
        set_zoom: (v: unknown) => (resolve().pageLayout.zoom = ctx.book.ignore.has("PageLayout.zoom") ? {} : v),
        read_zoom: () => resolve().pageLayout.zoom ?? {},
        headersFooters: proxy(
          ctx,
          {
            type: "HeaderFooterGroup",
            members: ["defaultForAllPages"] satisfies (keyof Excel.HeaderFooterGroup)[],
          },
          {
            defaultForAllPages: proxy(
              ctx,
              {
                type: "HeaderFooter",
                members: [
                  "leftHeader",
                  "centerHeader",
                  "rightHeader",
                  "leftFooter",
                  "centerFooter",
                  "rightFooter",
                ] satisfies (keyof Excel.HeaderFooter)[],
              },
              Object.fromEntries(
                ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"].map((k) => [
                  `set_${k}`,
                  (v: string) => {
                    if (v.length > 255) throw new FakeExcelError("InvalidArgument", `${k} longer than 255 characters`);
                    resolve().pageLayout[k] = v;
                  },
                ]),
              ),
              `${label}.pageLayout.headersFooters.defaultForAllPages`,
            ),
          },
          `${label}.pageLayout.headersFooters`,
        ),
        setPrintArea: (a: string) =>
          call(ctx, `${label}.pageLayout.setPrintArea`, [a], () => (resolve().pageLayout.printArea = a)),
        setPrintTitleRows: (a: string) =>
          call(ctx, `${label}.pageLayout.setPrintTitleRows`, [a], () => (resolve().pageLayout.printTitleRows = a)),
      },
      `${label}.pageLayout`,
    ),
    horizontalPageBreaks: proxy(
      ctx,
      { type: "PageBreakCollection", members: ["add"] satisfies (keyof Excel.PageBreakCollection)[] },
      {
        add: (at: string) =>
          call(ctx, `${label}.horizontalPageBreaks.add`, [at], () => {
            const m = /^[A-Z]+(\d+)$/u.exec(at);
            if (!m) throw new FakeExcelError("InvalidArgument", `page break at "${at}"`);
            resolve().pageBreaks.push(Number(m[1]));
          }),
      },
      `${label}.horizontalPageBreaks`,
    ),
    activate: () => call(ctx, `${label}.activate`, [], () => (ctx.book.active = resolve().name)),
    delete: () =>
      call(ctx, `${label}.delete`, [], () => {
        const s = resolve();
        ctx.book.sheets = ctx.book.sheets.filter((x) => x !== s);
      }),
    onChanged: proxy(
      ctx,
      {
        type: "EventHandlers",
        members: ["add"] satisfies (keyof OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>)[],
      },
      {
        add: (h: (e: unknown) => Promise<void>) => {
          call(ctx, `${label}.onChanged.add`, ["<handler>"], () => resolve().onChanged.push(h));
          // Removing queues on the context the handler was added in (EventHandlerResult.context).
          return {
            context: ctx.asContext,
            remove: () =>
              call(ctx, `${label}.onChanged.remove`, [], () => {
                for (const s of ctx.book.sheets) s.onChanged = s.onChanged.filter((x) => x !== h);
              }),
          };
        },
      },
      `${label}.onChanged`,
    ),
  };
  return proxy(ctx, { type: "Worksheet", members: WORKSHEET }, impl, label);
}

/** "='Theo dõi'!$E$3" as a name's sheet and ref, as Excel accepts it in names.add and NamedItem.formula. */
function nameReference(f: string, where: string): { sheet: string; ref: string } {
  const m = /^='?((?:[^']|'')*?)'?!(.+)$/.exec(f);
  if (!m) throw new FakeExcelError("InvalidArgument", `${where}: "${f}" is not a reference`);
  return { sheet: m[1]!.replace(/''/g, "'"), ref: m[2]!.replace(/\$/g, "") };
}

const NAMES = ["getItem", "getItemOrNullObject", "add"] as const satisfies readonly (keyof Excel.NamedItemCollection)[];
function namesProxy(ctx: FakeContext): Excel.NamedItemCollection {
  const book = ctx.book;
  const item = (name: string, orNull: boolean) => {
    let isNull: boolean | undefined;
    ctx.enqueueLoad(() => (isNull = !book.names.has(name)));
    const entry = () => {
      const e = book.names.get(name);
      if (!e) throw new FakeExcelError("ItemNotFound", `no name "${name}"`);
      return e;
    };
    return proxy<Excel.NamedItem>(
      ctx,
      {
        type: "NamedItem",
        members: [
          "isNullObject",
          "value",
          "formula",
          "type",
          "getRange",
          "getRangeOrNullObject",
          "delete",
        ] satisfies (keyof Excel.NamedItem)[],
        loadable: ["value", "type"],
      },
      {
        get isNullObject() {
          if (!orNull || isNull === undefined)
            throw new FakeExcelError("PropertyNotLoaded", `name ${name}.isNullObject read before sync()`);
          return isNull;
        },
        read_value: () =>
          book.names.has(name) ? (entry().ref ? `='${entry().sheet}'!${entry().ref}` : entry().sheet) : null,
        set_formula: (f: string) => {
          entry();
          book.names.set(name, nameReference(f, "formula"));
        },
        read_type: () => (book.names.get(name)?.ref === "" ? "String" : "Range"),
        getRange: () => {
          const e = book.names.get(name);
          if (e && !e.ref) throw new FakeExcelError("InvalidArgument", `name "${name}" is not a range`);
          return rangeProxy(ctx, () => book.sheet(e!.sheet), e ? parseRef(e.ref) : null);
        },
        getRangeOrNullObject: () => {
          const e = book.names.get(name);
          const isRange = () => {
            const now = book.names.get(name);
            return !!now?.ref && book.sheets.some((x) => x.name.toLowerCase() === now.sheet.toLowerCase());
          };
          return rangeProxy(ctx, () => book.sheet(e!.sheet), e?.ref ? parseRef(e.ref) : null, isRange);
        },
        delete: () => call(ctx, `names.getItem(${name}).delete`, [], () => (entry(), book.names.delete(name))),
      },
      `names(${name})`,
    );
  };
  return proxy(
    ctx,
    { type: "NamedItemCollection", members: NAMES },
    {
      getItem: (n: string) => item(n, false),
      getItemOrNullObject: (n: string) => item(n, true),
      add: (name: string, reference: Excel.Range | string) => {
        call(ctx, "names.add", [name], () => {
          if (book.names.has(name)) throw new FakeExcelError("ItemAlreadyExists", `name "${name}" exists`);
          if (typeof reference === "string") {
            book.names.set(name, nameReference(reference, "names.add"));
            return;
          }
          const ref = reference as unknown as { __ref: () => string; __sheet: () => string };
          book.names.set(name, { sheet: ref.__sheet(), ref: ref.__ref() });
        });
        return undefined;
      },
    },
    "names",
  );
}

const RANGE = [
  "isNullObject",
  "rowHidden",
  "columnHidden",
  "group",
  "values",
  "formulas",
  "formulasR1C1",
  "numberFormat",
  "rowIndex",
  "address",
  "format",
  "merge",
  "getEntireColumn",
  "dataValidation",
  "conditionalFormats",
  "select",
] as const satisfies readonly (keyof Excel.Range)[];

/** Excel's limits on data-validation texts (longer ones are refused). */
function checkValidationLimits(kind: "rule" | "errorAlert" | "prompt", v: unknown): void {
  const o = v as { title?: string; message?: string; list?: { source?: string } };
  const limit = (what: string, text: string | undefined, max: number) => {
    if (text !== undefined && text.length > max)
      throw new FakeExcelError(
        "InvalidArgument",
        `data validation ${what} is ${text.length} characters; Excel allows ${max}`,
      );
  };
  if (kind === "errorAlert") {
    limit("error title", o.title, 32);
    limit("error message", o.message, 225);
  }
  if (kind === "prompt") {
    limit("prompt title", o.title, 32);
    limit("prompt message", o.message, 255);
  }
  if (kind === "rule") limit("list source", o.list?.source, 255);
}

/** A value or string written to a cell, as Excel stores it. */
function enter(m: CellModel, x: unknown): void {
  const got = typeof x === "string" && x !== "" ? excelReads(x, m.numberFormat) : { value: x };
  if ("formula" in got) {
    m.formula = got.formula;
    delete m.value;
  } else {
    m.value = got.value;
    delete m.formula;
  }
}

/** An R1C1 formula as A1 for the cell at (row, col): "R[-1]C3" in D8 is "$C7"; texts in quotes untouched. */
export function fromR1C1(formula: string, row: number, col: number): string {
  const part = (m: string | undefined, base: number, letters: boolean) => {
    const show = (n: number) => (letters ? colLetterOf(n) : String(n));
    if (m === undefined || m === "") return show(base);
    if (m.startsWith("[")) return show(base + Number(m.slice(1, -1)));
    return `$${show(Number(m))}`;
  };
  return formula.replace(
    /"(?:[^"]|"")*"|(?<![\w.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![\w.(])|(?<![\w.'])C(\[-?\d+\]|\d+)?:C(\[-?\d+\]|\d+)?(?![\w.(])/gu,
    (m, r?: string, c?: string, k1?: string, k2?: string) => {
      if (m.startsWith('"')) return m;
      if (m.startsWith("R")) return `${part(c, col, true)}${part(r, row, false)}`;
      return `${part(k1, col, true)}:${part(k2, col, true)}`;
    },
  );
}

function colLetterOf(index: number): string {
  let n = index;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function usedBox(s: SheetModel): Box | null {
  let box: Box | null = null;
  for (const [k, c] of s.cells) {
    if (c.value === undefined && c.formula === undefined) continue;
    if (c.value === "" && c.formula === undefined) continue;
    const [r, col] = k.split(",").map(Number) as [number, number];
    box = box
      ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, col), r1: Math.max(box.r1, r), c1: Math.max(box.c1, col) }
      : { r0: r, c0: col, r1: r, c1: col };
  }
  return box;
}

function rangeProxy(ctx: FakeContext, sheet: () => SheetModel, fixed: Box | null, exists?: () => boolean): Excel.Range {
  let isNull: boolean | undefined;
  if (exists) ctx.enqueueLoad(() => (isNull = !exists()));
  const box = () => {
    if (fixed) return fixed;
    const b = usedBox(sheet());
    if (!b) throw new FakeExcelError("ItemNotFound", "the sheet is empty (no used range)");
    return b;
  };
  const label = () => `range(${fixed ? boxRef(fixed) : "used"})`;
  const cell = (r: number, c: number) => {
    const s = sheet();
    const key = `${r},${c}`;
    let m = s.cells.get(key);
    if (!m) s.cells.set(key, (m = { style: {} }));
    return m;
  };
  const each = (fn: (m: CellModel, r: number, c: number) => void) => {
    const b = box();
    for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) fn(cell(r, c), r - b.r0, c - b.c0);
  };
  const grid = (v: unknown, what: string): unknown[][] => {
    const b = box();
    // A single value goes to every cell of the range (as the API reference says of values, formulas, numberFormat).
    if (!Array.isArray(v)) return Array.from({ length: b.r1 - b.r0 + 1 }, () => Array(b.c1 - b.c0 + 1).fill(v));
    if (
      !Array.isArray(v) ||
      v.length !== b.r1 - b.r0 + 1 ||
      v.some((row) => !Array.isArray(row) || row.length !== b.c1 - b.c0 + 1)
    )
      throw new FakeExcelError("InvalidArgument", `${what}: array size does not match ${boxRef(b)}`);
    return v as unknown[][];
  };
  const styled = (path: string) => (v: unknown) => each((m) => (m.style[path] = v));
  const sub = (type: string, members: readonly string[], impl: Impl, path: string) =>
    proxy(ctx, { type, members }, impl, `${label()}.${path}`);
  const font = sub(
    "RangeFont",
    ["name", "size", "bold", "italic", "color"] satisfies (keyof Excel.RangeFont)[],
    Object.fromEntries(["name", "size", "bold", "italic", "color"].map((k) => [`set_${k}`, styled(`font.${k}`)])),
    "format.font",
  );
  const fill = sub(
    "RangeFill",
    ["color"] satisfies (keyof Excel.RangeFill)[],
    { set_color: styled("fill.color") },
    "format.fill",
  );
  const borders = sub(
    "RangeBorderCollection",
    ["getItem"] satisfies (keyof Excel.RangeBorderCollection)[],
    {
      getItem: (edge: string) =>
        sub(
          "RangeBorder",
          ["style", "color"] satisfies (keyof Excel.RangeBorder)[],
          { set_style: styled(`border.${edge}.style`), set_color: styled(`border.${edge}.color`) },
          `borders(${edge})`,
        ),
    },
    "format.borders",
  );
  const format = sub(
    "RangeFormat",
    [
      "font",
      "fill",
      "borders",
      "horizontalAlignment",
      "verticalAlignment",
      "wrapText",
      "columnWidth",
      "rowHeight",
      "autofitRows",
    ] satisfies (keyof Excel.RangeFormat)[],
    {
      font,
      fill,
      borders,
      set_horizontalAlignment: styled("horizontalAlignment"),
      set_verticalAlignment: styled("verticalAlignment"),
      set_wrapText: styled("wrapText"),
      set_columnWidth: (w: number) => {
        const b = box();
        for (let c = b.c0; c <= b.c1; c++) sheet().columnWidths.set(c, w);
      },
      set_rowHeight: (h: number) => {
        const b = box();
        for (let r = b.r0; r <= b.r1; r++) sheet().rowHeights.set(r, h);
      },
      autofitRows: () =>
        call(ctx, `${label()}.format.autofitRows`, [], () => {
          const b = box();
          for (let r = b.r0; r <= b.r1; r++) sheet().autofitRows.add(r);
        }),
    },
    "format",
  );
  const dataValidation = sub(
    "DataValidation",
    ["rule", "errorAlert", "prompt"] satisfies (keyof Excel.DataValidation)[],
    Object.fromEntries(
      (["rule", "errorAlert", "prompt"] as const).map((k) => [
        `set_${k}`,
        (v: unknown) => {
          checkValidationLimits(k, v);
          const ref = boxRef(box());
          const list = sheet().validations;
          const dv = list.find((x) => x.ref === ref) ?? list[list.push({ ref }) - 1]!;
          dv[k] = v;
        },
      ]),
    ),
    "dataValidation",
  );
  const conditionalFormats = sub(
    "ConditionalFormatCollection",
    ["add"] satisfies (keyof Excel.ConditionalFormatCollection)[],
    {
      add: (type: string) => {
        const cf = { ref: boxRef(box()), type, props: {} as Record<string, unknown> };
        call(ctx, `${label()}.conditionalFormats.add`, [type], () => sheet().conditionalFormats.push(cf));
        const set = (k: string) => (v: unknown) => (cf.props[k] = v);
        const custom = sub(
          "CustomConditionalFormat",
          ["rule", "format"] satisfies (keyof Excel.CustomConditionalFormat)[],
          {
            rule: sub(
              "ConditionalFormatRule",
              ["formula"] satisfies (keyof Excel.ConditionalFormatRule)[],
              { set_formula: set("formula") },
              "rule",
            ),
            format: sub(
              "ConditionalRangeFormat",
              ["fill", "font"] satisfies (keyof Excel.ConditionalRangeFormat)[],
              {
                fill: sub(
                  "ConditionalRangeFill",
                  ["color"] satisfies (keyof Excel.ConditionalRangeFill)[],
                  { set_color: set("fill") },
                  "fill",
                ),
                font: sub(
                  "ConditionalRangeFont",
                  ["color", "italic"] satisfies (keyof Excel.ConditionalRangeFont)[],
                  { set_color: set("font"), set_italic: set("italic") },
                  "font",
                ),
              },
              "format",
            ),
          },
          "custom",
        );
        const dataBar = sub(
          "DataBarConditionalFormat",
          ["lowerBoundRule", "upperBoundRule", "positiveFormat"] satisfies (keyof Excel.DataBarConditionalFormat)[],
          {
            set_lowerBoundRule: set("lower"),
            set_upperBoundRule: set("upper"),
            positiveFormat: sub(
              "ConditionalDataBarPositiveFormat",
              ["fillColor"] satisfies (keyof Excel.ConditionalDataBarPositiveFormat)[],
              { set_fillColor: set("barColor") },
              "positiveFormat",
            ),
          },
          "dataBar",
        );
        return sub(
          "ConditionalFormat",
          ["custom", "dataBar"] satisfies (keyof Excel.ConditionalFormat)[],
          { custom, dataBar },
          "cf",
        );
      },
    },
    "conditionalFormats",
  );
  const impl: Impl = {
    get isNullObject() {
      if (!exists || isNull === undefined)
        throw new FakeExcelError("PropertyNotLoaded", `${label()}.isNullObject read before sync()`);
      return isNull;
    },
    __ref: () => boxRef(box()),
    __sheet: () => sheet().name,
    read_values: () => {
      if (exists && !exists()) return undefined;
      const b = box();
      const out: unknown[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: unknown[] = [];
        for (let c = b.c0; c <= b.c1; c++) {
          const m = sheet().cells.get(`${r},${c}`);
          if (m?.formula !== undefined) {
            const calc = ctx.book.calculate;
            if (!calc)
              throw new FakeExcelError(
                "NotModelled",
                `values of formula cell ${boxRef({ r0: r, c0: c, r1: r, c1: c })}: set book.calculate`,
              );
            row.push(calc(sheet().name, r, c, m.formula));
          } else row.push(m?.value ?? "");
        }
        out.push(row);
      }
      return out;
    },
    set_rowHidden: (v: boolean) => {
      const b = box();
      hide(sheet().hiddenRows, b.r0, b.r1, v);
    },
    set_columnHidden: (v: boolean) => {
      const b = box();
      hide(sheet().hiddenColumns, b.c0, b.c1, v);
    },
    group: (option: string) =>
      call(ctx, `${label()}.group`, [option], () => {
        const b = box();
        if (option !== "ByColumns" || b.r0 !== 1 || b.r1 !== 1048576)
          throw new FakeExcelError(
            "InvalidArgument",
            `group ${option} of ${boxRef(b)}: whole columns only are modelled`,
          );
        sheet().columnGroups.push(`${b.c0}:${b.c1}`);
      }),
    read_formulas: () => {
      if (exists && !exists()) return undefined;
      const b = box();
      const out: unknown[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: unknown[] = [];
        // As Excel reports them: "=…" for a formula, else the cell's value.
        for (let c = b.c0; c <= b.c1; c++) {
          const m = sheet().cells.get(`${r},${c}`);
          row.push(m?.formula !== undefined ? `=${m.formula}` : (m?.value ?? ""));
        }
        out.push(row);
      }
      return out;
    },
    read_numberFormat: () => {
      if (exists && !exists()) return undefined;
      const b = box();
      const out: string[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: string[] = [];
        for (let c = b.c0; c <= b.c1; c++) row.push(sheet().cells.get(`${r},${c}`)?.numberFormat ?? "General");
        out.push(row);
      }
      return out;
    },
    read_rowIndex: () => (exists && !exists() ? undefined : box().r0 - 1),
    read_address: () => `'${sheet().name}'!${boxRef(box())}`,
    set_values: (v: unknown) => each((m, r, c) => enter(m, grid(v, "values")[r]![c])),
    set_formulas: (v: unknown) => each((m, r, c) => enter(m, grid(v, "formulas")[r]![c])),
    set_formulasR1C1: (v: unknown) => {
      const b = box();
      each((m, r, c) => {
        const x = grid(v, "formulasR1C1")[r]![c];
        enter(m, typeof x === "string" && x.startsWith("=") ? `=${fromR1C1(x.slice(1), b.r0 + r, b.c0 + c)}` : x);
      });
    },
    set_numberFormat: (v: unknown) => each((m, r, c) => (m.numberFormat = grid(v, "numberFormat")[r]![c] as string)),
    format,
    merge: (across?: boolean) => call(ctx, `${label()}.merge`, [across], () => sheet().merges.push(boxRef(box()))),
    getEntireColumn: () => {
      const b = box();
      return rangeProxy(ctx, sheet, { r0: 1, c0: b.c0, r1: 1048576, c1: b.c1 });
    },
    dataValidation,
    conditionalFormats,
    select: () => call(ctx, `${label()}.select`, [], () => (sheet().selected = boxRef(box()))),
  };
  return proxy(
    ctx,
    {
      type: "Range",
      members: [...RANGE, "__ref", "__sheet"],
      loadable: ["values", "formulas", "numberFormat", "rowIndex", "address"],
    },
    impl,
    label(),
  );
}
