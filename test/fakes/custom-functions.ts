/** The CustomFunctions runtime globals the functions use, for running them in Node as Excel would. */
export class FakeCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

const g = globalThis as unknown as { CustomFunctions?: unknown };
g.CustomFunctions = {
  Error: FakeCustomFunctionError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
  },
  associate: () => undefined,
};
