import { spawnSync } from "child_process";
import * as path from "path";

/** The layer boundaries of ARCHITECTURE.md, enforced by eslint.config.mjs: a forbidden import fails lint. */

// ESLint loads its config with import(), which jest's module sandbox refuses: lint in a child process.
const LINT = `
const { ESLint } = require("eslint");
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const eslint = new ESLint();
  const out = [];
  for (const [file, from] of cases) {
    const [r] = await eslint.lintText('import * as x from "' + from + '";\\nexport const y = x;\\n', { filePath: file });
    out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

let results: Map<string, string[]>;
function lintImports(cases: [string, string][]): void {
  const r = spawnSync(process.execPath, ["-e", LINT], {
    cwd: path.join(__dirname, "../.."),
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as string[][];
  results = new Map(cases.map(([f, i], k) => [`${f} ${i}`, out[k]!]));
}
const importErrors = async (file: string, from: string) => results.get(`${file} ${from}`)!;

const FORBIDDEN: [string, string, RegExp][] = [
  ["src/core/new.ts", "../workbook/plan", /core is pure/],
  ["src/core/new.ts", "../taskpane/host", /core is pure/],
  ["src/core/new.ts", "../cli/main", /core is pure/],
  ["src/core/new.ts", "../functions/cells", /core is pure/],
  ["src/core/new.ts", "react", /core is pure/],
  ["src/core/new.ts", "exceljs", /core is pure/],
  ["src/workbook/new.ts", "../taskpane/App", /depends on core only/],
  ["src/functions/new.ts", "../workbook/plan", /thin shell over core/],
  ["src/taskpane/New.tsx", "../workbook/excel", /Only src\/taskpane\/host\.ts/],
  ["src/workbook/new.ts", "./excel", /Only src\/taskpane\/host\.ts/],
  ["src/workbook/new.ts", "../../test/fakes/calculator", /must not import from test/],
  ["src/taskpane/host.ts", "../../test/helpers/tools", /must not import from test/],
];
const ALLOWED: [string, string][] = [
  ["src/core/new.ts", "./judge"],
  ["src/workbook/new.ts", "../core/judge"],
  ["src/functions/new.ts", "../core/target"],
  ["src/taskpane/host.ts", "../workbook/excel"],
  ["src/taskpane/New.tsx", "../workbook/plan"],
  ["src/cli/new.ts", "../workbook/xlsx"],
];

describe("lint enforces the layer boundaries", () => {
  beforeAll(() => lintImports([...FORBIDDEN.map(([f, i]) => [f, i] as [string, string]), ...ALLOWED]));

  test.each(FORBIDDEN)("%s may not import %s", async (file, from, why) => {
    const errors = await importErrors(file, from);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(why);
  });

  test.each(ALLOWED)("%s may import %s", async (file, from) => {
    expect(await importErrors(file, from)).toEqual([]);
  });
});
