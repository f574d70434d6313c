import { readFileSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import type { ErrorLocation } from "../errors.js";
import type { Log, RunContext } from "../run-context.js";
import { type AnnotationProperties, GitHubCommands, type GitHubToolkit } from "./github-commands.js";
import type { CommentOutcome, Host } from "./host.js";
import { Masker } from "./mask.js";
import { upsertGitHubComment } from "./pr-comment/github.js";

type Env = Record<string, string | undefined>;

/** The two-workflow pattern for a fork's pull request, shipped as an example with the action. */
const FORK_COMMENT_EXAMPLE = "see examples/github/pr-comment-from-fork.yml in mlops-action";

interface RepoRef {
  full_name?: string;
}

/** The parts of the event payload (GITHUB_EVENT_PATH) the host reads. */
interface EventPayload {
  pull_request?: { number?: number; head?: { repo?: RepoRef | null }; base?: { repo?: RepoRef } };
  issue?: { number?: number; pull_request?: unknown };
}

/**
 * The event payload at GITHUB_EVENT_PATH, or an empty one when there is none or it cannot be read.
 * Read here rather than through @actions/github's `context`, which would load Octokit on every
 * run; Octokit is loaded only to post a PR comment.
 */
function readEvent(env: Env): EventPayload {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    return payload && typeof payload === "object" ? payload : {};
  } catch {
    return {};
  }
}

/** The PR number of the event that started the run, if it is a PR (or a comment on one). */
function pullRequestNumber(payload: EventPayload): number | undefined {
  if (payload.pull_request?.number) return payload.pull_request.number;
  if (payload.issue?.pull_request && payload.issue.number) return payload.issue.number;
  return undefined;
}

/** Events whose payload carries the pull request, with head and base repositories. */
const PR_EVENTS = new Set([
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment",
]);

/**
 * Says so when the run is for a pull request whose head is in another repository (a fork), from
 * the event payload at GITHUB_EVENT_PATH. A head repository GitHub no longer knows (a deleted
 * fork) counts as a fork: the code is still a stranger's.
 */
export function forkPullRequest(env: Env): string | undefined {
  const event = env.GITHUB_EVENT_NAME ?? "";
  if (!PR_EVENTS.has(event) || !env.GITHUB_EVENT_PATH) return undefined;
  const pr = readEvent(env).pull_request;
  // GitHub always sends head.repo; null means the fork was deleted. No head at all is not a PR
  // payload we can judge (hand-written test events), so it is not called a fork.
  if (!pr?.head || pr.head.repo === undefined) return undefined;
  const head = pr.head.repo?.full_name;
  const base = pr.base?.repo?.full_name ?? env.GITHUB_REPOSITORY;
  if (head && base && head.toLowerCase() === base.toLowerCase()) return undefined;
  return `pull request #${pr.number ?? "?"} from the fork ${head ?? "(deleted)"} (${event})`;
}

/**
 * GitHub Actions: inputs from INPUT_*, outputs to $GITHUB_OUTPUT, summary to
 * $GITHUB_STEP_SUMMARY, annotations and groups as workflow commands, PR comments through the REST
 * API at GITHUB_API_URL (so GitHub Enterprise Server works).
 */
export class GitHubHost implements Host {
  readonly taskInput = "task";
  readonly log: Log;
  readonly run: RunContext;
  // The runner masks registered secrets too; masking here keeps them out of every line we write.
  private readonly masker = new Masker();
  private readonly commands: GitHubToolkit;

  /** `toolkit`: how to write commands; by default directly (github-commands.ts), not via @actions/core. */
  constructor(
    private readonly env: Env = process.env,
    toolkit?: GitHubToolkit,
  ) {
    this.commands = toolkit ?? new GitHubCommands(env);
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    this.run = {
      host: "github",
      commit: env.GITHUB_SHA || undefined,
      runUrl:
        env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
          ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined,
      pullRequest: pullRequestNumber(readEvent(env)),
      workflow: env.GITHUB_WORKFLOW || undefined,
      fork: forkPullRequest(env),
      // OIDC for Azure sign-in: a fresh token on every call, so waits of many hours never sign in
      // with an expired assertion. Only when the workflow granted `id-token: write`.
      azure: env.ACTIONS_ID_TOKEN_REQUEST_URL
        ? {
            getIdToken: async (audience: string) => {
              // @actions/core only here: its HTTP client is most of its weight (github-commands.ts).
              const { getIDToken } = await import("@actions/core");
              const token = await getIDToken(audience);
              this.commands.addMask(token);
              return token;
            },
          }
        : undefined,
    };
    const mask = (s: string) => this.masker.mask(s);
    this.log = {
      info: (m) => this.commands.info(mask(m)),
      warning: (m, w) => this.commands.warning(mask(m), this.annotation(w)),
      error: (m, w) => this.commands.error(mask(m), this.annotation(w)),
      debug: (m) => this.commands.debug(mask(m)),
      group: (title, fn) => this.commands.group(mask(title), fn),
      secret: (v) => this.secret(v),
    };
  }

  taskName(): string | undefined {
    return this.commands.getInput("task").trim() || undefined;
  }

  getInput(name: string): string | undefined {
    // Not trimmed: multiline inputs keep their lines; the spec's parser trims where the type says so.
    const v = this.commands.getInput(name);
    return v === "" ? undefined : v;
  }

  setOutput(name: string, value: string): void {
    this.commands.setOutput(name, value);
  }

  async appendSummary(markdown: string): Promise<void> {
    if (!(await this.commands.appendSummary(this.masker.mask(markdown)))) {
      this.commands.debug("GITHUB_STEP_SUMMARY is not set: no job summary written.");
    }
  }

  async postComment(markdown: string, marker: string, token: string | undefined): Promise<CommentOutcome> {
    const number = this.run.pullRequest;
    if (!number) return { message: "Not a pull request run: no PR comment posted (the report is in the job summary)." };
    if (!token) {
      return {
        message: "No token for the PR comment: set the `token` input (default `${{ github.token }}`).",
        warning: true,
      };
    }
    this.secret(token);
    const [owner, repo] = (this.env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo) {
      return { message: "GITHUB_REPOSITORY is not set (owner/repo): no PR comment posted.", warning: true };
    }
    try {
      // Octokit is loaded only now: most runs post no comment.
      const { getOctokit } = await import("@actions/github");
      const done = await upsertGitHubComment(
        getOctokit(token),
        { owner, repo, issueNumber: number },
        marker,
        this.masker.mask(markdown),
      );
      return { message: `PR #${number}: comment ${done.action} (${done.url}).` };
    } catch (error) {
      const status = (error as { status?: number }).status;
      const said = this.masker.mask(error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, "");
      return {
        message: `Could not comment on PR #${number}: ${said}.${this.commentHint(status)} The report is in the job summary.`,
        warning: true,
      };
    }
  }

  /** What to do about a refused PR comment: a fork's token cannot be granted more; others can. */
  private commentHint(status: number | undefined): string {
    // On `pull_request` GitHub gives a fork's run a read-only token whatever `permissions` says;
    // `pull_request_target` runs in the base repository and does get what the workflow grants.
    if (status === 403 && this.run.fork && this.env.GITHUB_EVENT_NAME !== "pull_request_target") {
      return ` This run is for ${this.run.fork}, whose token is read-only whatever the workflow grants: upload the report as an artifact and post it from a \`workflow_run\` workflow (${FORK_COMMENT_EXAMPLE}).`;
    }
    if (status === 403 || status === 404) return " Grant the workflow `permissions: pull-requests: write`.";
    return "";
  }

  fail(message: string, where?: ErrorLocation): void {
    this.commands.error(this.masker.mask(message), this.annotation(where));
  }

  private secret(value: string): void {
    if (!value) return;
    // The runner masks line by line, so register each line of a multi-line secret as well.
    for (const v of new Set([value, ...value.split(/\r?\n/).filter((l) => l.trim() !== "")])) this.commands.addMask(v);
    this.masker.add(value);
  }

  /** Annotation properties; paths are made relative to the workspace so GitHub can link them. */
  private annotation(where?: ErrorLocation): AnnotationProperties | undefined {
    if (!where?.file) return undefined;
    const root = this.env.GITHUB_WORKSPACE ?? process.cwd();
    let file = where.file;
    if (isAbsolute(file)) {
      const rel = relative(root, file);
      if (!rel.startsWith("..") && !isAbsolute(rel)) file = rel;
    }
    return {
      file: file.split("\\").join("/"),
      startLine: where.line,
      startColumn: where.line !== undefined ? where.column : undefined,
    };
  }
}
