/**
 * Identity resolution: the email a source knows a person by, to their GitHub login.
 */
import type { IdentityEntry } from './config/model.js';

/** Resolves an email to a login, or undefined when nobody is known by it. Case-insensitive on email. */
export type Resolver = (email: string) => string | undefined;

/** A resolver over the Identities file. */
export function fileResolver(entries: readonly IdentityEntry[]): Resolver {
  const map = new Map(entries.map((e) => [e.email.toLowerCase(), e.login]));
  return (email) => map.get(email.toLowerCase());
}
