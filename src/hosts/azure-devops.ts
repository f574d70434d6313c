// Must be evaluated before azure-devops-commands.js moves the inputs out of process.env: see its comment.
import "./azure-devops-early.js";
import { mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import type { ErrorLocation } from "../errors.js";
import type { Log, RunContext } from "../run-context.js";
import { TASKS } from "../tasks/index.js";
import * as tl from "./azure-devops-commands.js";
import { earlySecretValues } from "./azure-devops-early.js";
import type { CommentOutcome, Host } from "./host.js";
import { inert, Masker } from "./mask.js";
import { upsertAdoThread } from "./pr-comment/azure-devops.js";

type Env = Record<string, string | undefined>;

/**
 * Inputs task.json names by an Azure DevOps convention (spec `adoName`: the service connection is
 * `connectedServiceNameARM`, as in Microsoft's Azure tasks) with the spec name as its alias. The agent
 * resolves an alias to the task.json name before it sets INPUT_<name>, and the task library does not
 * resolve aliases, so the task.json name is read first and the spec name second.
 */
const ADO_NAMES = new Map(
  Object.values(TASKS).flatMap((t) => t.spec.inputs.flatMap((i) => (i.adoName ? [[i.name, i.adoName] as const] : []))),
);

function adoInput(name: string): string | undefined {
  const canonical = ADO_NAMES.get(name);
  return (canonical && tl.getInput(canonical)) || tl.getInput(name) || undefined;
}

/**
 * The `azureSubscription` (connectedService:AzureRM) connection, resolved as the task library resolves it
 * for the Azure backend: workload identity federation or a service principal secret.
 */
function serviceConnection(): RunContext["azure"] {
  const id = adoInput("azureSubscription");
  if (!id) return undefined;
  const secret = tl.getEndpointAuthorizationParameter(id, "serviceprincipalkey");
  const systemAccessToken = tl.getVariable("System.AccessToken");
  // Both were registered as secrets before anything logged them (azure-devops-early.ts).
  return {
    azureServiceConnection: {
      id,
      scheme: tl.getEndpointAuthorizationScheme(id) ?? "",
      tenantId: tl.getEndpointAuthorizationParameter(id, "tenantid") ?? "",
      clientId: tl.getEndpointAuthorizationParameter(id, "serviceprincipalid") ?? "",
      clientSecret: secret || undefined,
      systemAccessToken: systemAccessToken || undefined,
      subscriptionId: tl.getEndpointDataParameter(id, "subscriptionId") || undefined,
    },
  };
}

/**
 * Azure DevOps: inputs as azure-pipelines-task-lib reads them (the `command` pickList picks the task),
 * outputs as output variables, secrets through `task.setsecret`, a Markdown summary uploaded
 * with `task.uploadsummary`, issues with file and line, PR comments as a pull request thread.
 */
export class AzureDevOpsHost implements Host {
  readonly taskInput = "command";
  readonly log: Log;
  readonly run: RunContext;
  private readonly masker = new Masker();
  private summaries = 0;
  private summaryDir: string | undefined;

  constructor(private readonly env: Env = process.env) {
    for (const value of earlySecretValues) this.secret(value);
    const collection = env.SYSTEM_COLLECTIONURI?.replace(/\/+$/, "");
    const pr = Number(env.SYSTEM_PULLREQUEST_PULLREQUESTID);
    this.run = {
      host: "azure-devops",
      commit: env.BUILD_SOURCEVERSION || undefined,
      runUrl:
        collection && env.SYSTEM_TEAMPROJECT && env.BUILD_BUILDID
          ? `${collection}/${encodeURIComponent(env.SYSTEM_TEAMPROJECT)}/_build/results?buildId=${env.BUILD_BUILDID}`
          : undefined,
      pullRequest: Number.isInteger(pr) && pr > 0 ? pr : undefined,
      workflow: env.BUILD_DEFINITIONNAME || undefined,
      // The agent sets System.PullRequest.IsFork to True for a PR whose source is a fork.
      fork:
        env.SYSTEM_PULLREQUEST_ISFORK?.toLowerCase() === "true"
          ? `pull request ${env.SYSTEM_PULLREQUEST_PULLREQUESTID || env.SYSTEM_PULLREQUEST_PULLREQUESTNUMBER || "?"} from a fork (${env.SYSTEM_PULLREQUEST_SOURCEREPOSITORYURI || "System.PullRequest.IsFork"})`
          : undefined,
      azure: serviceConnection(),
    };
    const mask = (s: string) => this.masker.mask(s);
    this.log = {
      info: (m) => this.write(mask(m)),
      warning: (m, w) => this.issue("warning", mask(m), w),
      error: (m, w) => this.issue("error", mask(m), w),
      debug: (m) => tl.debug(mask(m)),
      group: async (title, fn) => {
        // A title names a path or a job: one line, no logging command smuggled in through it.
        this.write(`##[group]${inert(mask(title))}`);
        try {
          return await fn();
        } finally {
          this.write("##[endgroup]");
        }
      },
      secret: (v) => this.secret(v),
    };
  }

  taskName(): string | undefined {
    return tl.getInput("command") || undefined;
  }

  getInput(name: string): string | undefined {
    return adoInput(name);
  }

  setOutput(name: string, value: string): void {
    // isOutput: later jobs and stages read it as dependencies.<job>.outputs['<step>.<name>'].
    tl.setVariable(name, value, false, true);
  }

  async appendSummary(markdown: string): Promise<void> {
    // The file name is the section's title in the build summary. The agent reads the file after
    // the command, so each step gets its own folder: two MLOps steps in a job never overwrite.
    this.summaryDir ??= mkdtempSync(join(tl.getVariable("Agent.TempDirectory") || tmpdir(), "mlops-summary-"));
    const task = this.taskName() ?? "mlops";
    const file = join(this.summaryDir, `${task}${this.summaries++ ? `-${this.summaries}` : ""}.md`);
    // Written whole, then renamed into place.
    writeFileSync(`${file}.tmp`, this.masker.mask(markdown));
    renameSync(`${file}.tmp`, file);
    tl.uploadSummary(file);
  }

  async postComment(markdown: string, marker: string, token: string | undefined): Promise<CommentOutcome> {
    const pullRequestId = this.run.pullRequest;
    if (!pullRequestId) {
      return { message: "Not a pull request build: no PR comment posted (the report is in the build summary)." };
    }
    const provider = this.env.BUILD_REPOSITORY_PROVIDER;
    if (provider && provider !== "TfsGit") {
      return {
        message: `The repository is on ${provider}: PR threads need Azure Repos; no comment posted (the report is in the build summary).`,
        warning: true,
      };
    }
    const accessToken =
      token ||
      tl.getEndpointAuthorizationParameter("SystemVssConnection", "AccessToken") ||
      tl.getVariable("System.AccessToken");
    if (!accessToken) {
      return {
        message:
          "No token for the PR comment: set `token: $(System.AccessToken)` or allow scripts to access the OAuth token.",
        warning: true,
      };
    }
    this.secret(accessToken);
    const collectionUri = this.env.SYSTEM_COLLECTIONURI;
    const project = this.env.SYSTEM_TEAMPROJECTID || this.env.SYSTEM_TEAMPROJECT;
    const repositoryId = this.env.BUILD_REPOSITORY_ID;
    if (!collectionUri || !project || !repositoryId) {
      return {
        message: "SYSTEM_COLLECTIONURI, SYSTEM_TEAMPROJECTID or BUILD_REPOSITORY_ID is not set: no PR comment posted.",
        warning: true,
      };
    }
    try {
      const done = await upsertAdoThread(
        { collectionUri, project, repositoryId, pullRequestId },
        accessToken,
        marker,
        this.masker.mask(markdown),
      );
      return { message: `PR ${pullRequestId}: thread ${done.threadId} ${done.action}.` };
    } catch (error) {
      // The service's message is often a sentence already: one full stop, not two.
      const message = this.masker.mask(error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, "");
      return {
        message: `Could not comment on PR ${pullRequestId}: ${message}.${this.commentHint(message)} The report is in the build summary.`,
        warning: true,
      };
    }
  }

  /** What to do about a refused PR thread: a fork's build may hold a token that cannot write. */
  private commentHint(message: string): string {
    if (!/HTTP 40[13]/.test(message)) return "";
    const grant = "give the build service 'Contribute to pull requests' on the repository";
    if (this.run.fork) {
      return ` This build is for ${this.run.fork}, whose token may not write to this repository's pull requests: post the report from a pipeline that runs on this repository (a pipeline completion trigger on this one), or ${grant}.`;
    }
    return ` Give the build service 'Contribute to pull requests' on the repository.`;
  }

  fail(message: string, where?: ErrorLocation): void {
    const masked = this.masker.mask(message);
    this.issue("error", masked, where);
    // Not the library's setResult(Failed, message): it would log the same error a second time, without the location.
    tl.command("task.complete", { result: "Failed" }, masked);
  }

  private secret(value: string): void {
    if (!value) return;
    // The agent takes single-line secrets only (the library throws on others): a multi-line one, a
    // PEM key say, is registered line by line.
    const lines = value.split(/\r?\n/).filter((l) => l.trim() !== "");
    for (const v of new Set([value, ...lines])) if (!/[\r\n]/.test(v)) tl.setSecret(v);
    this.masker.add(value);
  }

  private issue(type: tl.IssueType, message: string, where?: ErrorLocation): void {
    let file = where?.file;
    const root = this.env.BUILD_SOURCESDIRECTORY;
    if (file && root && isAbsolute(file)) {
      const rel = relative(root, file);
      if (!rel.startsWith("..") && !isAbsolute(rel)) file = rel.split("\\").join("/");
    }
    tl.logIssue(type, message, file, where?.line, file ? where?.column : undefined);
  }

  private write(line: string): void {
    process.stdout.write(`${line}\n`);
  }
}
