/**
 * GitHub's failures in words: an octokit error without its request headers (which hold the
 * token), naming what to fix: the host, the token's variable, the permission missing.
 */
import type { ReadFault } from '../../core/diagnostics.js';
import { connectFailure, unreachableMessage } from '../../http/client.js';
import { rateLimitWait } from './rate-limits.js';

/** A readable reason from an octokit error, without request headers (which hold the token). */
export function describeError(e: unknown): string {
  return explainError(e).error;
}

/** What {@link explainError} may say besides the error: the target's settings and what the request needs. */
export interface ErrorContext {
  /** The API URL as the config gives it (else the failed request's origin is named). */
  baseUrl?: string;
  /** The variable holding the token (the target's `tokenEnv`); `null` when the target has no token. */
  tokenEnv?: string | null;
  /** The permission the request needs, named by a 403's error; default: the one team reads and writes need. */
  needs?: string;
}

/** What reading and changing teams needs, as GitHub names it for Apps and fine-grained tokens, and for classic tokens. */
export const TEAM_PERMISSION = 'the organization permission Members (read to plan, read and write to apply; a classic token needs read:org, and admin:org to apply)';

/** What reading the organisation's SAML external identities needs. */
export const SAML_PERMISSION = "an organisation owner's token with admin:org, or an App with the organization permission Members (read)";

/** What reading and changing repository collaborators needs. */
export const REPOSITORY_PERMISSION = 'the repository permission Administration (read to plan, read and write to apply; a classic token needs repo)';

/**
 * An octokit error in words, without request headers (which hold the token), naming the host
 * that could not be reached, the variable whose token was refused and the permission missing;
 * with the fault when the fix is the target's apiUrl (no connection) or its token (401, 403).
 */
export function explainError(e: unknown, context: ErrorContext = {}): { error: string; fault?: ReadFault } {
  const err = (e ?? {}) as { status?: number; message?: string; name?: string; cause?: { name?: string; message?: string; code?: string; cause?: { code?: string } }; request?: { url?: string } };
  if (err.name === 'ReadOnlyViolation') return { error: err.message ?? 'read-only' };
  if (err.cause?.name === 'ReadOnlyViolation') return { error: err.cause.message ?? 'read-only' };
  if (err.cause?.name === 'RequestTimeout' || err.cause?.name === 'MalformedResponse') return { error: `${err.cause.message ?? 'no answer'}, after retries` };
  const token = context.tokenEnv ? `the token in ${context.tokenEnv}` : 'the token';
  // A GraphQL query the token may not make is answered 200 with an error: FORBIDDEN (an App or fine-grained token) or INSUFFICIENT_SCOPES (a classic token).
  const denied = err.name === 'GraphqlResponseError' ? (e as { errors?: { type?: string; message?: string }[] }).errors?.find((x) => x.type === 'FORBIDDEN' || x.type === 'INSUFFICIENT_SCOPES') : undefined;
  // Only the first sentence: the rest of an INSUFFICIENT_SCOPES message repeats the scopes at length.
  if (denied) return { error: `GitHub refused the query: ${token} lacks a permission (${firstLine((denied.message ?? '').split('. ')[0]!)}); it needs ${context.needs ?? TEAM_PERMISSION}`, fault: 'token' };
  if (err.status === 401) {
    if (context.tokenEnv === null) return { error: 'GitHub asks for a token (401): set the target\'s tokenEnv to the environment variable holding one', fault: 'token' };
    return { error: context.tokenEnv ? `GitHub rejected ${token} (HTTP 401): it is wrong, expired or revoked; put a valid token there` : 'GitHub rejected the token (401): check the token in the variable the config names', fault: 'token' };
  }
  if (rateLimitWait(e, Date.now()) !== undefined) return { error: `rate limited by GitHub (HTTP ${err.status}) beyond the waits allowed: ${firstLine(err.message ?? '')}; the next run tries again` };
  if (err.status === 403) return { error: `GitHub refused (403): ${token} lacks a permission${err.message ? ` (${firstLine(err.message)})` : ''}; it needs ${context.needs ?? TEAM_PERMISSION}`, fault: 'token' };
  if (err.status === 404) return { error: 'not found (404): check the org and team names, and that the token can see them' };
  const url = context.baseUrl ?? originOf(err.request?.url);
  const unreachable = connectFailure(e);
  if (unreachable !== undefined) return { error: unreachableMessage(url ?? 'GitHub', unreachable), fault: 'endpoint' };
  const network = err.cause?.code ?? err.cause?.cause?.code;
  if (network) return { error: `network error talking to GitHub${url ? ` at ${url}` : ''} (${network})` };
  if (err.status !== undefined) return { error: `GitHub answered ${err.status}: ${firstLine(err.message ?? '')}` };
  return { error: firstLine(err.message ?? String(e)) };
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The first line of a message; for octokit's "...errors:" lists, the listed errors instead. */
function firstLine(s: string): string {
  const [head = '', ...rest] = s.split('\n');
  const line = head.endsWith(':') && rest.length > 0 ? rest.map((l) => l.replace(/^\s*-\s*/, '').trim()).filter(Boolean).join('; ') : head;
  return line.slice(0, 300);
}
