import { excelHost } from "../../src/taskpane/host";
import { FakeBook, FakeContext } from "../../support/fake-excel";

/** The real Excel.run path: options only where the requirement set has them. */
describe("excelHost with the global Excel.run", () => {
  const calls: unknown[][] = [];
  beforeEach(() => {
    calls.length = 0;
    const book = new FakeBook(["Sheet1"]);
    (globalThis as Record<string, unknown>).Excel = {
      run: (...args: unknown[]) => {
        calls.push(args.slice(0, -1));
        const batch = args.at(-1) as (ctx: Excel.RequestContext) => Promise<unknown>;
        return batch(new FakeContext(book).asContext);
      },
    };
  });
  afterAll(() => delete (globalThis as Record<string, unknown>).Excel);

  test("waits for a cell being edited (delayForCellEdit) where ExcelApi 1.11 exists", async () => {
    await excelHost(undefined, () => true).inspect();
    expect(calls).toEqual([[{ delayForCellEdit: true }]]);
  });

  test("older Excel gets a plain Excel.run", async () => {
    await excelHost(undefined, (v) => v === "1.8" || v === "1.9").inspect();
    expect(calls).toEqual([[]]);
  });
});
