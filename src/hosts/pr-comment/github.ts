import type { getOctokit } from "@actions/github";

type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubCommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_COMMENT = 65_536;

/** Cuts an over-long body at a line boundary and says where the whole report is. */
export function fitComment(body: string, max = MAX_COMMENT): string {
  if (body.length <= max) return body;
  const note = "\n\n… (cut to fit a PR comment: the whole report is in the job summary)";
  const cut = body.slice(0, max - note.length);
  const nl = cut.lastIndexOf("\n");
  return `${nl > 0 ? cut.slice(0, nl) : cut}${note}`;
}

/**
 * Creates the PR comment that carries `marker`, or updates it in place when one already exists,
 * so a re-run edits its own comment instead of adding another. Reads every page of comments: on a
 * busy PR the marked one may be far back.
 */
export async function upsertGitHubComment(
  octokit: Octokit,
  target: GitHubCommentTarget,
  marker: string,
  markdown: string,
): Promise<{ action: "created" | "updated"; url: string }> {
  const body = fitComment(`${marker}\n${markdown}`);
  const { owner, repo, issueNumber } = target;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const existing = comments.find((c) => c.body?.includes(marker));
  if (existing) {
    const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: "updated", url: updated.data.html_url };
  }
  const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { action: "created", url: created.data.html_url };
}
