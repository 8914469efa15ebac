import { main } from "../../src/cli/main";

/** Runs `chitieu` in-process with these arguments (and standard input): its exit code and what it printed. */
export async function cli(args: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    stdin: async () => Buffer.from(stdin),
  });
  return { code, out, err };
}
