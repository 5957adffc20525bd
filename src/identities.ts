/**
 * Identity resolution, per target: the email a source knows a person by, to their account on
 * the target (a GitHub login), through tables tried in the configured order (the Identities
 * file's account under the target's type, then the target's own identity sources: SAML external
 * identities, verified-domain emails). Pure: the tables are read elsewhere.
 */
import { error, type Diagnostic } from './core/diagnostics.js';

/**
 * The ways an email can become a login: `file`, `saml` and `verifiedEmail` as a config's
 * `identities.resolve` names them (GitHub), `directory` the target's own directory of users
 * looked up by email (a target type that has one tries it after the file).
 */
export type IdentityMethod = 'file' | 'saml' | 'verifiedEmail' | 'directory';

/** A method that reads the target. */
export type TargetIdentityMethod = Exclude<IdentityMethod, 'file'>;

/** Words for each method, for messages. */
export const METHOD_LABEL: Record<IdentityMethod, string> = { file: 'the identities file', saml: 'SAML external identities', verifiedEmail: 'verified-domain emails', directory: 'its directory of users' };

/** One method's knowledge: logins by lower-cased email (more than one is a conflict). */
export interface IdentityTable {
  method: IdentityMethod;
  logins: Map<string, string[]>;
}

/** The identities file's email/login pairs for targets of `type`: each person's account under the type's name (`github: alice-gh`). */
export function fileAccounts(entries: readonly { email: string; accounts: Readonly<Record<string, string>> }[], type: string): { email: string; login: string }[] {
  return entries.flatMap((e) => (e.accounts[type] === undefined ? [] : [{ email: e.email, login: e.accounts[type] }]));
}

/** Builds a table from email/login pairs; the same pair twice counts once. */
export function identityTable(method: IdentityMethod, pairs: readonly { email: string; login: string }[]): IdentityTable {
  const logins = new Map<string, string[]>();
  for (const { email, login } of pairs) {
    const key = email.toLowerCase();
    const seen = logins.get(key) ?? [];
    if (!seen.some((l) => l.toLowerCase() === login.toLowerCase())) seen.push(login);
    logins.set(key, seen);
  }
  return { method, logins };
}

/**
 * Resolves `emails` through `tables` in order: the first table that knows an email decides.
 * An email a table maps to two logins is an error naming both (as `account`s: `GitHub login`,
 * `Slack user id`), and resolves to nobody.
 */
export function resolveEmails(emails: Iterable<string>, tables: readonly IdentityTable[], account: string): { logins: Map<string, string>; diagnostics: Diagnostic[] } {
  const logins = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const email of new Set([...emails].map((e) => e.toLowerCase()))) {
    const table = tables.find((t) => t.logins.has(email));
    const found = table?.logins.get(email);
    if (!found) continue;
    if (found.length > 1) {
      diagnostics.push({ ...error(`${email} maps to ${found.length} ${account}s through ${METHOD_LABEL[table!.method]}: ${found.join(' and ')}; granting nothing to either`), code: 'identity' });
      continue;
    }
    logins.set(email, found[0]!);
  }
  return { logins, diagnostics };
}

/** Emails of `emails` not yet in `logins`. */
export function unresolved(emails: Iterable<string>, logins: ReadonlyMap<string, string>): string[] {
  return [...new Set([...emails].map((e) => e.toLowerCase()))].filter((e) => !logins.has(e));
}
