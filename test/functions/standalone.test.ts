import { existsSync, readFileSync } from "fs";
import * as path from "path";
import * as vm from "vm";

const built = path.join(__dirname, "../../dist/functions.js");

describe("dist/functions.js (the manifest's CustomFunctions Script)", () => {
  if (!existsSync(built) && process.env.CI === "true")
    throw new Error("dist/functions.js missing: npm test builds first");
  (existsSync(built) ? test : test.skip)("runs alone, with no other chunk, and registers the five functions", () => {
    class CfError extends Error {
      constructor(
        readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    const sandbox = {
      CustomFunctions: {
        Error: CfError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
        associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
      },
      console,
    };
    // Like Excel's JavaScript-only runtime: no document, no window.
    Object.assign(sandbox, { self: sandbox });
    vm.runInNewContext(readFileSync(built, "utf8"), sandbox);
    expect([...registered.keys()]).toEqual(["DAT", "DANHGIA", "TYLE", "SOCUNGKY", "SO"]);
    expect(registered.get("SOCUNGKY")!([[110]], [[100]])).toEqual([[1.1]]);
    expect(registered.get("DANHGIA")!([[0.995]], [["trên 99%"]])).toEqual([["Đạt"]]);
    expect(registered.get("SO")!([["27.625"]])).toEqual([[27625]]);
    expect(() => registered.get("DAT")!([[0.5]], [["abc"]])).toThrow(/Chỉ tiêu cần viết như trong nghị quyết/);
  });
});
