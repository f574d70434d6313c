import { execFile } from "node:child_process";
import { UserError } from "../errors.js";
import { childEnvironment } from "./credential-env.js";

const pythons = new Map<string, Promise<string>>();

/**
 * The Python that runs user scoring code (local deployments, compare-models' evaluation):
 * `MLOPS_PYTHON`, else `python3`, resolved once to the real interpreter (so a pyenv shim is not
 * in the way and a recorded pid is the interpreter's own).
 */
export function resolvePython(): Promise<string> {
  const wanted = process.env.MLOPS_PYTHON || "python3";
  let found = pythons.get(wanted);
  if (!found) {
    found = new Promise((resolve, reject) => {
      // The interpreter (or a shim in front of it) is the user's choice: no credentials for it either.
      const env = childEnvironment(process.env) as NodeJS.ProcessEnv;
      execFile(wanted, ["-c", "import sys; print(sys.executable)"], { timeout: 30_000, env }, (error, stdout) => {
        const exe = stdout.trim();
        if (!error && exe) return resolve(exe);
        pythons.delete(wanted);
        reject(
          new UserError(
            `cannot run '${wanted}' to serve the scoring script (${error?.message.split("\n")[0] ?? "no sys.executable"})`,
            {},
            "Install Python 3, or set MLOPS_PYTHON to a Python 3 interpreter",
          ),
        );
      });
    });
    pythons.set(wanted, found);
  }
  return found;
}
