/**
 * `oncall-access validate`: load and check everything, write nothing, call nothing. Besides the
 * files' own rules, it checks the coming week's coverage of the rotations kept in git.
 */
import { loadWorkspace } from '../config/load.js';
import { formatDiagnostic, hasErrors, sortDiagnostics, warning, type Diagnostic } from '../core/diagnostics.js';
import { EXIT, type Io } from '../io.js';
import { renderAnnotations } from '../render/github.js';
import { sanitizeText } from '../render/text.js';
import { plural } from '../core/wording.js';
import type { Workspace } from '../config/model.js';
import { COVERAGE_HORIZON_MS, coverageDiagnostics } from '../core/coverage.js';
import { rotationShifts } from '../sources/rotations.js';
import { bindingKey, type ShiftRead } from '../sources/source.js';

/** Output formats of `validate`. */
export type ValidateFormat = 'text' | 'json' | 'github';

/** Options of `validate`. */
export interface ValidateOptions {
  config: string;
  format: ValidateFormat;
}

/**
 * The coverage gaps of the next week (see `coverageDiagnostics`) of the rotations kept in git,
 * the only ones validate can compute without calling an API. A person has a login when the
 * identities file names them; when the config also resolves people through the target (SAML,
 * verified emails), only `plan` can tell, so everyone on call counts as having one here.
 */
function gitCoverage(ws: Workspace, now: Date): Diagnostic[] {
  const until = new Date(now.getTime() + COVERAGE_HORIZON_MS);
  const rotations = new Map(ws.rotations.map((r) => [r.name, r]));
  const shifts = new Map<string, ShiftRead>();
  for (const b of ws.profiles.flatMap((p) => p.rotations)) {
    if (b.kind !== 'rotation') continue;
    // A valid workspace binds only declared rotations that can be computed (see semantics.ts).
    const rotation = rotations.get(b.rotation)!;
    shifts.set(bindingKey(b), { ok: true, shifts: rotationShifts(rotation, now, until), timeZone: rotation.timeZone });
  }
  const logins = new Map(ws.identities.flatMap((i) => Object.values(i.accounts).slice(0, 1).map((account) => [i.email.toLowerCase(), account] as const)));
  const fileOnly = ws.config.identities.every((m) => m === 'file');
  const resolve = (email: string): string | undefined => logins.get(email.toLowerCase()) ?? (fileOnly ? undefined : email);
  return coverageDiagnostics({ profiles: ws.profiles, shifts, resolve, from: now, to: until, policy: ws.config.coverage.gaps });
}

/** Runs `validate`; exit 0 when there is no error (warnings allowed), 1 otherwise. */
export function runValidate(opts: ValidateOptions, io: Io): number {
  const { workspace, diagnostics } = loadWorkspace(opts.config, io.cwd, io.now());
  const sorted = sortDiagnostics([...diagnostics, ...(workspace ? [...opsgenieEnds(workspace, io.now()), ...gitCoverage(workspace, io.now())] : [])]);
  const ok = !hasErrors(sorted);
  io.stdout.write(render(opts.format, sorted, workspace));
  return ok ? EXIT.ok : EXIT.error;
}

/** The day Opsgenie's API stops (Atlassian ends Opsgenie; Jira Service Management Operations succeeds it). */
export const OPSGENIE_API_END = '2027-04-05';

/**
 * A warning at the `type` line of each opsgenie source: when the API ends, and the line that
 * moves the source to Jira Service Management Operations (`type: jsm`, with its two settings);
 * the profiles' `schedule:` lines stay as they are.
 */
export function opsgenieEnds(ws: Workspace, now: Date): Diagnostic[] {
  const ended = now.getTime() >= Date.parse(`${OPSGENIE_API_END}T00:00:00Z`);
  return [...ws.config.sources.values()]
    .filter((s) => s.type === 'opsgenie')
    .map((s) =>
      warning(
        `source "${s.name}": Opsgenie's API ${ended ? 'ended' : 'ends'} on ${OPSGENIE_API_END}. Its successor, Jira Service Management Operations, takes this line: type: jsm (with cloudId and emailEnv beside it, and tokenEnv naming an Atlassian API token); profiles keep their schedule: lines. See "Moving from Opsgenie to JSM" in docs/operations.md`,
        s.keyPos?.type ?? s.pos,
      ),
    );
}

function counts(ws: Workspace | undefined): Record<string, number> | undefined {
  return ws && { files: ws.files.length, profiles: ws.profiles.length, rotations: ws.rotations.length, identities: ws.identities.length, requests: ws.requests.length };
}

function render(format: ValidateFormat, diagnostics: Diagnostic[], ws: Workspace | undefined): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (format === 'json') return `${JSON.stringify({ valid: errors === 0, errors, warnings, counts: counts(ws), diagnostics }, null, 2)}\n`;
  if (format === 'github') return renderAnnotations(diagnostics);
  const lines = diagnostics.map((d) => sanitizeText(formatDiagnostic(d)));
  const c = counts(ws);
  const tail = c
    ? `Valid: ${plural(c.profiles, 'profile')}, ${plural(c.rotations, 'rotation')}, ${plural(c.identities, 'identity', 'identities')}, ${plural(c.requests, 'request')} in ${plural(c.files, 'file')}${warnings ? ` (${plural(warnings, 'warning')})` : ''}.`
    : `Invalid: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}.`;
  return `${[...lines, tail].join('\n')}\n`;
}
