import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { TOO_OLD } from "../../src/taskpane/host";
import { EXCEL_REQUIREMENT } from "../../src/workbook/layout";
import { manifestUrls, validateManifest } from "../helpers/manifest";

const ROOT = path.join(__dirname, "../..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const assets = path.join(ROOT, "assets");

describe("one stated Excel requirement, matching the manifest", () => {
  test("the manifest asks for the shared runtime, and the pane, README and guide name the same floor", () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
    expect(TOO_OLD).toContain(EXCEL_REQUIREMENT);
    for (const doc of ["README.md", "docs/huong-dan.md"]) {
      const text = readFileSync(path.join(ROOT, doc), "utf8");
      expect([doc, text.includes(EXCEL_REQUIREMENT)]).toEqual([doc, true]);
      expect([doc, text.match(/Excel 2016|Excel 2019/g)]).toEqual([doc, null]);
    }
  });
});

describe("README: the live-Excel release checklist stays", () => {
  test("five checks a fake cannot make: text cells, slow start, undo, one read per edit, printing", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const list = readme.split("**Release checklist on a live Excel**")[1]?.split("\n\n")[0] ?? "";
    expect(list.match(/^\d\. /gm)).toHaveLength(5);
    for (const topic of [/"100%", "1\/5", "99\.5"/, /3G/, /Ctrl\+Z/, /Switch tabs/, /one page wide/])
      expect(list).toMatch(topic);
  });
});

describe("manifest.xml (checked offline)", () => {
  test("is wired correctly: resids, one shared runtime, https, unique ids, CHITIEU, icons", () => {
    expect(validateManifest(xml, assets)).toEqual([]);
  });

  test.each([
    [
      "a mismatched resid",
      (x: string) => x.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Taskpane.Uri"/>'),
      /FunctionFile resid="Taskpane.Uri"> has no url resource|FunctionFile uses "Taskpane.Uri"/,
    ],
    [
      "a second runtime",
      (x: string) =>
        x.replace(
          '<Runtime resid="Taskpane.Url" lifetime="long"/>',
          '<Runtime resid="Taskpane.Url" lifetime="long"/><Runtime resid="Functions.Script.Url" lifetime="short"/>',
        ),
      /expected one <Runtime>/,
    ],
    [
      "a page outside the shared runtime",
      (x: string) =>
        x.replace(
          '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
          '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>',
        ),
      /CustomFunctions Page uses "Functions.Script.Url"/,
    ],
    [
      "an http URL",
      (x: string) =>
        x.replace(
          'DefaultValue="https://localhost:3000/functions.json"',
          'DefaultValue="http://localhost:3000/functions.json"',
        ),
      /not https/,
    ],
    [
      "a duplicated resource id",
      (x: string) => x.replace('<bt:Url id="GetStarted.LearnMoreUrl"', '<bt:Url id="Taskpane.Url"'),
      /defined twice/,
    ],
    [
      "another namespace",
      (x: string) => x.replace('DefaultValue="CHITIEU"', 'DefaultValue="CONTOSO"'),
      /namespace is not CHITIEU/,
    ],
    ["a missing icon", (x: string) => x.replace("icon-80.png", "icon-81.png"), /icon missing/],
    [
      "a missing translation",
      (x: string) => x.replace('<bt:Override Locale="en-US" Value="Targets"/>', ""),
      /has no en-US override/,
    ],
  ])("fails on %s", (_what, mutate, problem) => {
    const broken = mutate(xml);
    expect(broken).not.toBe(xml);
    expect(validateManifest(broken, assets).join("\n")).toMatch(problem);
  });

  test("every URL points at the dev server, so the production build can replace them all", () => {
    for (const u of manifestUrls(xml).filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org")))
      expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  });
});

describe("dist/manifest.xml (production build)", () => {
  const built = path.join(ROOT, "dist/manifest.xml");
  const has = existsSync(built);
  if (!has && process.env.CI === "true") throw new Error("dist/manifest.xml missing: npm test builds first");
  (has ? test : test.skip)("has no localhost left and every URL on the configured public URL", () => {
    const dist = readFileSync(built, "utf8");
    const publicUrl = String(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).config.public_url);
    expect(dist).not.toMatch(/localhost/);
    const urls = manifestUrls(dist).filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org"));
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith(publicUrl.replace(/\/$/, ""))).toBe(true);
    expect(validateManifest(dist, path.join(ROOT, "dist/assets"))).toEqual([]);
  });
});
