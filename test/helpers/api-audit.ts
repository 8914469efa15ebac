import * as path from "path";
import ts from "typescript";

export interface ApiUse {
  file: string;
  line: number;
  member: string;
  /** The ExcelApi version its documentation in @types/office-js names. */
  version: string;
  /** The highest version a surrounding `supports("x.y")` check guarantees, or null. */
  guard: string | null;
}

const ROOT = path.join(__dirname, "../..");
const OFFICE_TYPES = path.dirname(require.resolve("@types/office-js/package.json"));

export const versionAbove = (a: string, b: string) => {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : a2 > b2;
};

/** The version in a `supports(...)` call: a string literal or a constant initialised with one. */
function guardVersion(call: ts.Node, checker: ts.TypeChecker): string | null {
  if (!ts.isCallExpression(call)) return null;
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  if (name !== "supports" || call.arguments.length !== 1) return null;
  const arg = call.arguments[0]!;
  if (ts.isStringLiteral(arg)) return arg.text;
  if (!ts.isIdentifier(arg)) return null;
  let sym = checker.getSymbolAtLocation(arg);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  const decl = sym?.declarations?.[0];
  return decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isStringLiteral(decl.initializer)
    ? decl.initializer.text
    : null;
}

/** Versions a condition guarantees when it is true (calls joined by &&). */
function versionsIn(cond: ts.Expression, checker: ts.TypeChecker): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.BarBarToken) return;
    if (ts.isPrefixUnaryExpression(n)) return;
    const v = guardVersion(n, checker);
    if (v) out.push(v);
    ts.forEachChild(n, visit);
  };
  visit(cond);
  return out;
}

/** `if (!supports(x)) return …;` */
function earlyExitVersion(stmt: ts.Statement, checker: ts.TypeChecker): string | null {
  if (!ts.isIfStatement(stmt)) return null;
  const exits = (s: ts.Statement): boolean =>
    ts.isReturnStatement(s) ||
    ts.isContinueStatement(s) ||
    ts.isThrowStatement(s) ||
    (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]!));
  const c = stmt.expression;
  if (!exits(stmt.thenStatement) || !ts.isPrefixUnaryExpression(c) || c.operator !== ts.SyntaxKind.ExclamationToken)
    return null;
  return guardVersion(c.operand, checker);
}

function guardOf(node: ts.Node, checker: ts.TypeChecker): string | null {
  const found: string[] = [];
  for (let child: ts.Node = node, n = node.parent; n; child = n, n = n.parent) {
    if (ts.isIfStatement(n) && child === n.thenStatement) found.push(...versionsIn(n.expression, checker));
    if (ts.isConditionalExpression(n) && child === n.whenTrue) found.push(...versionsIn(n.condition, checker));
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === n.right)
      found.push(...versionsIn(n.left, checker));
    if (ts.isBlock(n) || ts.isSourceFile(n)) {
      const stmts = n.statements as ts.NodeArray<ts.Statement>;
      for (const s of stmts.slice(0, stmts.indexOf(child as ts.Statement))) {
        const v = earlyExitVersion(s, checker);
        if (v) found.push(v);
      }
    }
  }
  return found.reduce<string | null>((best, v) => (best === null || versionAbove(v, best) ? v : best), null);
}

function apiSetOf(sym: ts.Symbol, checker: ts.TypeChecker): string | null {
  const decl = sym.declarations?.[0];
  if (!decl || !path.resolve(decl.getSourceFile().fileName).startsWith(OFFICE_TYPES)) return null;
  const text = [
    ts.displayPartsToString(sym.getDocumentationComment(checker)),
    ...sym.getJsDocTags(checker).map((t) => ts.displayPartsToString(t.text)),
  ].join("\n");
  return /\[Api set: ExcelApi (\d+\.\d+)/.exec(text)?.[1] ?? null;
}

/**
 * Every use of an Excel API member in the given files, with the ExcelApi version @types/office-js
 * documents for it and the version its surrounding `supports(...)` checks guarantee.
 */
export function excelApiUses(files: string[]): ApiUse[] {
  const program = ts.createProgram(
    files.map((f) => path.resolve(ROOT, f)),
    {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.ReactJSX,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["office-js"],
      typeRoots: [path.join(ROOT, "node_modules/@types")],
    },
  );
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const f of files) {
    const sf = program.getSourceFile(path.resolve(ROOT, f));
    if (!sf) throw new Error(`not compiled: ${f}`);
    const record = (node: ts.Node, sym: ts.Symbol | undefined, member: string) => {
      if (!sym) return;
      const version = apiSetOf(sym, checker);
      if (!version) return;
      const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      uses.push({ file: f, line, member, version, guard: guardOf(node, checker) });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) record(node, checker.getSymbolAtLocation(node.name), node.name.text);
      if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent) && ts.isIdentifier(node.name)) {
        const owner = checker.getContextualType(node.parent);
        record(node, owner?.getProperty(node.name.text), node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** Uses above `floor` that no `supports(...)` check of at least their version guards. */
export function unguarded(uses: ApiUse[], floor: string): ApiUse[] {
  return uses.filter((u) => versionAbove(u.version, floor) && (u.guard === null || versionAbove(u.version, u.guard)));
}
