import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { PNG } from "pngjs";

interface Node {
  tag: string;
  attrs: Record<string, string>;
  text: string;
  children: Node[];
}

function tree(xml: string): Node {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    preserveOrder: true,
    trimValues: true,
  }).parse(xml) as unknown[];
  const build = (entry: Record<string, unknown>): Node | null => {
    const tag = Object.keys(entry).find((k) => k !== ":@");
    if (!tag || tag === "?xml") return null;
    const kids = (entry[tag] as Record<string, unknown>[]) ?? [];
    const text = kids
      .map((k) => (typeof k["#text"] === "string" || typeof k["#text"] === "number" ? String(k["#text"]) : ""))
      .join("");
    return {
      tag,
      attrs: (entry[":@"] as Record<string, string>) ?? {},
      text,
      children: kids
        .filter((k) => !("#text" in k))
        .map(build)
        .filter((n): n is Node => n !== null),
    };
  };
  const roots = (parsed as Record<string, unknown>[]).map(build).filter((n): n is Node => n !== null);
  return roots.find((r) => r.tag === "OfficeApp")!;
}

function all(n: Node, out: Node[] = []): Node[] {
  out.push(n);
  n.children.forEach((c) => all(c, out));
  return out;
}

/** Checks a manifest's wiring offline (office-addin-manifest validate needs the network). Returns problems. */
export function validateManifest(xml: string, assetsDir: string): string[] {
  const problems: string[] = [];
  let root: Node;
  try {
    root = tree(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  if (!root) return ["no OfficeApp root"];
  const nodes = all(root);
  const byTag = (t: string) => nodes.filter((n) => n.tag === t);
  const text = (t: string) => byTag(t)[0]?.text ?? "";

  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id")))
    problems.push("Id is not a GUID");
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text("Version"))) problems.push("Version is not a.b.c.d");
  if (text("DefaultLocale") !== "vi-VN") problems.push("DefaultLocale is not vi-VN");
  if (text("Permissions") !== "ReadWriteDocument") problems.push("Permissions is not ReadWriteDocument");
  if (!byTag("Set").some((s) => s.attrs.Name === "SharedRuntime")) problems.push("SharedRuntime requirement missing");
  for (const t of ["DisplayName", "Description"])
    if (!byTag(t)[0]?.children.some((c) => c.tag === "Override" && c.attrs.Locale === "en-US"))
      problems.push(`${t} has no en-US override`);

  // Resources: unique ids, by kind.
  const kinds: Record<string, Map<string, Node>> = { image: new Map(), url: new Map(), string: new Map() };
  const kindOf: Record<string, keyof typeof kinds> = { "bt:Image": "image", "bt:Url": "url", "bt:String": "string" };
  const resources = byTag("Resources")[0];
  for (const n of resources ? all(resources) : []) {
    const k = kindOf[n.tag];
    if (!k || !n.attrs.id) continue;
    if (Object.values(kinds).some((m) => m.has(n.attrs.id!)))
      problems.push(`resource id "${n.attrs.id}" defined twice`);
    kinds[k]!.set(n.attrs.id, n);
  }
  // Every resid used resolves to a resource of the right kind, and every resource is used.
  const used = new Set<string>();
  for (const n of nodes) {
    const id = n.attrs.resid;
    if (!id) continue;
    used.add(id);
    const want: keyof typeof kinds =
      n.tag === "bt:Image"
        ? "image"
        : ["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(n.tag)
          ? "url"
          : "string";
    if (!kinds[want]!.has(id)) problems.push(`<${n.tag} resid="${id}"> has no ${want} resource with that id`);
  }
  for (const m of Object.values(kinds))
    for (const id of m.keys()) if (!used.has(id)) problems.push(`resource "${id}" is never used`);
  const strings = byTag("bt:String").filter((s) => s.attrs.id !== "Functions.Namespace");
  for (const s of [...strings, ...byTag("bt:String")].filter(
    (x, i, a) => a.indexOf(x) === i && x.attrs.id !== "Functions.Namespace",
  ))
    if (!s.children.some((c) => c.tag === "bt:Override" && c.attrs.Locale === "en-US"))
      problems.push(`string "${s.attrs.id}" has no en-US override`);

  // Shared runtime: one long-lived runtime, the same page for the pane, the functions and the ribbon.
  const runtimes = byTag("Runtime");
  if (runtimes.length !== 1) problems.push(`expected one <Runtime>, found ${runtimes.length}`);
  const rt = runtimes[0];
  if (rt && rt.attrs.lifetime !== "long") problems.push('Runtime lifetime is not "long"');
  const cf = byTag("ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
  if (!cf) problems.push("no CustomFunctions extension point");
  const page =
    cf &&
    all(cf)
      .find((n) => n.tag === "Page")
      ?.children.find((c) => c.tag === "SourceLocation")?.attrs.resid;
  const fnFile = byTag("FunctionFile")[0]?.attrs.resid;
  const paneUrls = byTag("Action")
    .filter((a) => a.attrs["xsi:type"] === "ShowTaskpane")
    .map((a) => a.children.find((c) => c.tag === "SourceLocation")?.attrs.resid);
  for (const [what, id] of [
    ["CustomFunctions Page", page],
    ["FunctionFile", fnFile],
    ...paneUrls.map((u) => ["ShowTaskpane", u]),
  ] as [string, string | undefined][])
    if (rt && id !== rt.attrs.resid) problems.push(`${what} uses "${id}", not the runtime's "${rt.attrs.resid}"`);
  const ns = cf && all(cf).find((n) => n.tag === "Namespace")?.attrs.resid;
  if (!ns || kinds.string!.get(ns)?.attrs.DefaultValue !== "CHITIEU")
    problems.push("custom functions namespace is not CHITIEU");
  const script = cf && all(cf).find((n) => n.tag === "Script")?.children[0]?.attrs.resid;
  if (!script || !/\/functions\.js$/.test(kinds.url!.get(script)?.attrs.DefaultValue ?? ""))
    problems.push("CustomFunctions Script is not functions.js");
  const meta = cf && all(cf).find((n) => n.tag === "Metadata")?.children[0]?.attrs.resid;
  if (!meta || !/\/functions\.json$/.test(kinds.url!.get(meta)?.attrs.DefaultValue ?? ""))
    problems.push("CustomFunctions Metadata is not functions.json");
  if (!byTag("OfficeTab").some((t) => t.attrs.id === "TabHome")) problems.push("no button on the Home tab");

  // Ids of groups and controls are unique.
  const ids = nodes.filter((n) => ["Group", "Control"].includes(n.tag)).map((n) => n.attrs.id);
  for (const id of ids) if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`control id "${id}" is not unique`);

  // Every URL is https; every image exists in assets/ with the size its id promises.
  const urls = nodes
    .flatMap((n) => [n.attrs.DefaultValue, n.tag === "AppDomain" ? n.text : undefined])
    .filter((u): u is string => !!u && /^[a-z]+:\/\//i.test(u));
  for (const u of urls) if (!u.startsWith("https://")) problems.push(`URL is not https: ${u}`);
  const images = [...kinds.image!.values()].map(
    (n) => [n.attrs.DefaultValue!, Number(/(\d+)x\d+/.exec(n.attrs.id!)?.[1])] as const,
  );
  images.push(
    [byTag("IconUrl")[0]?.attrs.DefaultValue ?? "", 32],
    [byTag("HighResolutionIconUrl")[0]?.attrs.DefaultValue ?? "", 64],
  );
  for (const [url, size] of images) {
    const file = path.join(assetsDir, path.basename(url));
    if (!existsSync(file)) {
      problems.push(`icon missing: ${url} (no ${file})`);
      continue;
    }
    const png = PNG.sync.read(readFileSync(file));
    if (png.width !== size || png.height !== size)
      problems.push(`icon ${path.basename(file)} is ${png.width}×${png.height}, not ${size}×${size}`);
  }
  return problems;
}

export function manifestUrls(xml: string): string[] {
  return [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
}
