export interface AdoThreadTarget {
  /** System.CollectionUri, such as https://dev.azure.com/org/ */
  collectionUri: string;
  /** System.TeamProjectId (or the project name). */
  project: string;
  repositoryId: string;
  pullRequestId: number;
}

interface Comment {
  id: number;
  content?: string;
  isDeleted?: boolean;
}

interface Thread {
  id: number;
  isDeleted?: boolean;
  comments?: Comment[];
}

const API_VERSION = "7.1";

/** Thrown for a non-2xx answer; the message holds the status and the service's own message. */
export class AdoRestError extends Error {}

/**
 * Creates the PR thread whose first comment carries `marker`, or updates that comment in place,
 * through the Azure DevOps Git REST API (pullRequestThreads). `token` is System.AccessToken,
 * sent as a bearer token.
 */
export async function upsertAdoThread(
  target: AdoThreadTarget,
  token: string,
  marker: string,
  markdown: string,
): Promise<{ action: "created" | "updated"; threadId: number }> {
  const content = `${marker}\n${markdown}`;
  const base = `${target.collectionUri.replace(/\/+$/, "")}/${encodeURIComponent(target.project)}/_apis/git/repositories/${encodeURIComponent(target.repositoryId)}/pullRequests/${target.pullRequestId}/threads`;
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}?api-version=${API_VERSION}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      let detail = text.slice(0, 300);
      try {
        detail = (JSON.parse(text) as { message?: string }).message ?? detail;
      } catch {
        // Not JSON (a proxy's HTML page): keep the start of the text.
      }
      throw new AdoRestError(`${method} pull request threads: HTTP ${response.status} ${detail}`.trim());
    }
    return (text ? JSON.parse(text) : {}) as T;
  };

  // The threads list is not paged by the service: one call returns them all.
  const { value: threads = [] } = await call<{ value?: Thread[] }>("GET", base);
  for (const thread of threads) {
    if (thread.isDeleted) continue;
    const first = thread.comments?.find((c) => !c.isDeleted && c.content?.includes(marker));
    if (first) {
      await call("PATCH", `${base}/${thread.id}/comments/${first.id}`, { content });
      return { action: "updated", threadId: thread.id };
    }
  }
  // commentType 1 = text; status 1 = active, so reviewers see it as a discussion to read.
  const created = await call<Thread>("POST", base, {
    comments: [{ parentCommentId: 0, content, commentType: 1 }],
    status: 1,
  });
  return { action: "created", threadId: created.id };
}
