/**
 * What `doctor` can tell of the writes apply will make on a GitHub target: GitHub's own words for
 * the scopes and permissions each of its kinds needs. Pure.
 */
import type { Check } from '../../observe/check.js';

/**
 * Whether a token may make the writes apply needs on `kinds` (the kinds the config manages on the
 * target), by the classic token's scopes: `admin:org` for team members (and the organisation),
 * `repo` as well when repositories are managed. An App installation or fine-grained token lists
 * no scopes (`scopes` undefined): the check is unverified and says what to grant.
 */
export function githubWriteCheck(subject: string, scopes: readonly string[] | undefined, tokenEnv: string, kinds: ReadonlySet<string>): Check {
  const repos = kinds.has('repository');
  const what = repos ? 'permission to change team members and repository collaborators (apply)' : 'permission to change team members (apply)';
  const needed = ['admin:org', ...(repos ? ['repo'] : [])];
  if (scopes === undefined) {
    const grant = `organization permission Members: read and write${repos ? ', and repository permission Administration: read and write on each managed repository' : ''}`;
    return { subject, what, status: 'unverified', detail: `the token in ${tokenEnv} is a GitHub App or fine-grained token, which does not list its permissions and cannot be tested without writing: apply needs the ${grant}` };
  }
  const lacking = needed.filter((n) => !scopes.includes(n));
  return lacking.length === 0
    ? { subject, what, status: 'ok', detail: `classic token scopes: ${scopes.join(', ')}` }
    : { subject, what, status: 'missing', detail: `the classic token in ${tokenEnv} has the scopes ${scopes.length ? scopes.join(', ') : '(none)'}: add ${lacking.join(' and ')} to it (GitHub, Settings, Developer settings, Personal access tokens)` };
}
