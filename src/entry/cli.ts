import { CliHost } from "../hosts/cli.js";
import { runCli } from "../hosts/cli-main.js";

process.exitCode = await runCli(process.argv.slice(2), (opts) => new CliHost(opts));
