/**
 * Shared access signatures in URLs. A SAS query string (`?sv=…&sig=…`) is a credential: whoever
 * reads it can read (or write) the data until it expires. It is registered as a secret before
 * anything logs it, shown as `?<SAS redacted>`, and never written to outputs or asset records.
 */

const REDACTED = "?<SAS redacted>";

/** An http(s) URL's query when it carries a signature (`sig=`, present in every Azure SAS). */
export function sasQuery(uri: string): string | undefined {
  const m = /^https?:\/\/[^?#\s]*\?([^#\s]*)/i.exec(uri.trim());
  if (!m) return undefined;
  return m[1].split("&").some((p) => /^sig=/i.test(p)) ? m[1] : undefined;
}

/** The URL without its SAS query (unchanged when it has none). */
export function withoutSas(uri: string): string {
  return sasQuery(uri) === undefined ? uri : uri.trim().replace(/\?[^#\s]*/, "");
}

/** The URL as it may be shown: its SAS query replaced by `?<SAS redacted>`. */
export function showUri(uri: string): string {
  return sasQuery(uri) === undefined ? uri : uri.trim().replace(/\?[^#\s]*/, REDACTED);
}

/** Every SAS query in a text (a log line, an error message) replaced by `?<SAS redacted>`. */
export function redactSas(text: string): string {
  if (!/sig=/i.test(text)) return text;
  return text.replace(/(https?:\/\/[^\s?#'"`<>]*)\?[^\s#'"`<>]*/gi, (whole, base: string) => {
    const query = whole.slice(base.length + 1);
    return query.split("&").some((p) => /^sig=/i.test(p)) ? `${base}${REDACTED}` : whole;
  });
}

/**
 * Registers a URL's SAS with the log as a secret (the query, and the signature alone, which
 * services sometimes echo decoded or on its own), so the host masks it wherever it turns up.
 */
export function registerSas(uri: string, secret: (value: string) => void): boolean {
  const query = sasQuery(uri);
  if (query === undefined) return false;
  secret(query);
  for (const p of query.split("&")) {
    const [k, v] = p.split("=");
    if (/^sig$/i.test(k) && v) {
      secret(v);
      try {
        secret(decodeURIComponent(v));
      } catch {
        // not percent-encoded
      }
    }
  }
  return true;
}
