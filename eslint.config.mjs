import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";

// Layer boundaries (ARCHITECTURE.md): each entry is [import patterns, why they are forbidden].
const NO_TEST = [["**/test/**"], "Code in src/ must not import from test/; share it from src/ or scripts/."];
const OFFICE_WRITER = [
  ["**/workbook/excel", "./excel"],
  "Only src/taskpane/host.ts talks to Excel through the Office.js writer (workbook/excel.ts).",
];
const CORE = [
  ["**/workbook/**", "**/functions/**", "**/taskpane/**", "**/cli/**", "react", "react-dom", "@fluentui/*", "exceljs"],
  "src/core is pure: it imports nothing from workbook, functions, taskpane or cli, and no Office, React or exceljs.",
];
const WORKBOOK = [
  ["**/functions/**", "**/taskpane/**", "**/cli/**", "react", "react-dom", "@fluentui/*"],
  "src/workbook depends on core only.",
];
const FUNCTIONS = [["**/workbook/**", "**/taskpane/**", "**/cli/**"], "src/functions is a thin shell over core."];
const LOOKBEHIND =
  "No regex lookbehind ((?<= or (?<!): Safari before 16.4 cannot parse it. Use a boundary group such as (?:^|[^\\p{L}]).";
const forbid = (...rules) => ({
  "no-restricted-imports": ["error", { patterns: rules.map(([group, message]) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ["dist/", "lib/", "coverage/", "test-output/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  { files: ["src/**/*.{ts,tsx}"], rules: forbid(NO_TEST, OFFICE_WRITER) },
  {
    // Safari before 16.4 (Excel for Mac on older macOS) cannot parse regex lookbehind: one in a bundle blanks the add-in.
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "Literal[regex.pattern=/\\(\\?<[=!]/]", message: LOOKBEHIND },
        { selector: "Literal[value=/\\(\\?<[=!]/]", message: LOOKBEHIND },
        { selector: "TemplateElement[value.raw=/\\(\\?<[=!]/]", message: LOOKBEHIND },
      ],
    },
  },
  { files: ["src/core/**/*.ts"], rules: forbid(NO_TEST, OFFICE_WRITER, CORE) },
  { files: ["src/workbook/**/*.ts"], rules: forbid(NO_TEST, OFFICE_WRITER, WORKBOOK) },
  { files: ["src/functions/**/*.ts"], rules: forbid(NO_TEST, OFFICE_WRITER, FUNCTIONS) },
  { files: ["src/taskpane/host.ts"], rules: forbid(NO_TEST) },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
