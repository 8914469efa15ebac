import { parse, type ParseError } from "jsonc-parser";

/**
 * Where JSON text stops being valid. JSON.parse does not always say (Node 20 often omits the
 * position); jsonc-parser, Microsoft's small dependency-free parser, in strict mode does.
 */
export function locateJsonError(text: string): number | null {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  return errors[0]?.offset ?? null;
}
