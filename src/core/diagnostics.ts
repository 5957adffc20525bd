/**
 * Diagnostics: problems found while loading, validating or planning, collected rather than
 * thrown. Every user-facing error in the tool is one of these; only the CLI entry turns them
 * into an exit code.
 */
import type { HoldingRef } from './entitlement.js';

/** How bad a diagnostic is: errors stop a plan or apply, warnings never do. */
export type Severity = 'error' | 'warning';

/** One problem, optionally anchored at a position in a user's file. */
export interface Diagnostic {
  /** `error` makes the command fail (exit 1); `warning` is reported and ignored. */
  severity: Severity;
  /** A sentence in the user's terms, naming the field or thing at fault. */
  message: string;
  /** Path of the file at fault, relative to the working directory when possible. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `file`. */
  col?: number;
  /**
   * What kind of problem, for machines: `read-failed` (a source or target could not be read;
   * what it feeds is frozen, the rest of a plan can still be applied), `read-partial` (a source
   * was read but left out part of its answer it did not understand; nothing is frozen), `guard`
   * (a safety rule refused the plan), `identity` (a person could not be resolved), `request` (an
   * access request that is not eligible), `apply-interrupted` (an apply was killed with changes
   * unresolved in its journal; the next apply resolves them), `pull-request` (a change a pull
   * request may not make, such as editing a request or the state), `ledger` (a grant-ledger entry
   * the audit log does not bear out, or one the ledger lost), `saved-plan` (a change of a saved
   * plan that the current config does not produce), `coverage` (a rotation leaves nobody with
   * access for a stretch of the coming week; see `spec.coverage`). Absent for config problems.
   */
  code?: 'read-failed' | 'read-partial' | 'guard' | 'identity' | 'request' | 'apply-interrupted' | 'pull-request' | 'ledger' | 'saved-plan' | 'coverage';
  /**
   * For an error about one holding only: apply refuses just the plan's changes of that holding
   * and makes the rest (see `applicable` and `withoutRefused` in src/apply/apply.ts).
   */
  holding?: HoldingRef;
}

/** A position in a user's file. */
export interface SourcePos {
  /** Path of the file, as shown to the user. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
}

/**
 * Why a read of a source or target failed, when the fix is in that source's or target's own
 * config rather than at what was read: `endpoint`, its `apiUrl` (the host could not be reached);
 * `token`, its `tokenEnv` (the variable is not set, or the token is rejected or lacks a permission).
 */
export type ReadFault = 'endpoint' | 'token';

/**
 * A failed read of one rotation, team or repository: the sentence saying why (and what to fix),
 * never holding a token. What the read fed is frozen, never taken as empty.
 */
export interface ReadFailure {
  ok: false;
  error: string;
  /** Set when the fix is in the source's or target's config; absent when it is at what was read. */
  fault?: ReadFault;
  /** Where to fix it, when not at the line that names what was read (set from `fault` by src/observe/adapters.ts). */
  pos?: SourcePos;
}

/** Builds an error diagnostic, anchored at `pos` when given. */
export function error(message: string, pos?: Partial<SourcePos>): Diagnostic {
  return { severity: 'error', message, ...pos };
}

/** Builds a warning diagnostic, anchored at `pos` when given. */
export function warning(message: string, pos?: Partial<SourcePos>): Diagnostic {
  return { severity: 'warning', message, ...pos };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:col: severity: message`, the form compilers and editors understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file === undefined ? '' : `${[d.file, d.line, d.col].filter((x) => x !== undefined).join(':')}: `;
  return `${where}${d.severity}: ${d.message}`;
}

/** Orders diagnostics by file, line and column so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      a.message.localeCompare(b.message),
  );
}
