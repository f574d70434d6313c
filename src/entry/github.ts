import { GitHubHost } from "../hosts/github.js";
import { runTask } from "../hosts/run-task.js";

process.exitCode = (await runTask(new GitHubHost())).exitCode;
