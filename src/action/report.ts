/**
 * The Markdown the Action writes besides the plan itself: validation results, the notes for
 * pull requests from forks and for pull requests without secrets, the audit events of an apply, and the footer naming the commit
 * and run. Pure functions; every value that is not the Action's own words is escaped.
 */
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { checkLine } from '../observe/doctor.js';
import type { Check } from '../observe/check.js';
import type { Outcome } from '../core/plan.js';
import { outcomeLine } from '../render/outcomes.js';
import { escapeMarkdown } from '../render/markdown.js';
import { plural } from '../core/wording.js';
import type { ActionContext } from './context.js';

/** Diagnostics listed in full; the rest are counted (the annotations still show every one). */
const MAX_LISTED = 50;

function alert(kind: 'CAUTION' | 'WARNING', lines: readonly string[]): string {
  return [`> [!${kind}]`, ...lines.map((l) => `> ${l}`)].join('\n');
}

function diagnosticList(diagnostics: readonly Diagnostic[]): string[] {
  const listed = sortDiagnostics(diagnostics).slice(0, MAX_LISTED).map((d) => `- ${escapeMarkdown(formatDiagnostic(d))}`);
  return diagnostics.length > MAX_LISTED ? [...listed, `- … and ${diagnostics.length - MAX_LISTED} more`] : listed;
}

/** The validation result for the job summary and, when invalid, the pull-request comment. */
export function validationMarkdown(config: string, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const blocks = [errors.length > 0 ? `## oncall-access: ${escapeMarkdown(config)} is invalid` : `## oncall-access: ${escapeMarkdown(config)} is valid`];
  if (errors.length > 0) {
    blocks.push(`**${plural(errors.length, 'error')}${warnings.length > 0 ? `, ${plural(warnings.length, 'warning')}` : ''}.** Each is annotated on its line (see Files changed); no plan was computed.`);
    blocks.push(alert('CAUTION', diagnosticList(errors)));
  }
  if (warnings.length > 0) blocks.push(alert('WARNING', diagnosticList(warnings)));
  return `${blocks.join('\n\n')}\n`;
}

/** `doctor`'s checks for the job summary: what is missing (or unverified) first, then how many are ok. */
export function doctorMarkdown(checks: readonly Check[]): string {
  const line = (c: Check): string => `- ${escapeMarkdown(checkLine(c))}`;
  const missing = checks.filter((c) => c.status === 'missing');
  const unverified = checks.filter((c) => c.status === 'unverified');
  const blocks = [missing.length > 0 ? '## oncall-access doctor: something is missing' : '## oncall-access doctor: nothing missing'];
  if (missing.length > 0) blocks.push(alert('CAUTION', missing.map(line)));
  if (unverified.length > 0) blocks.push(alert('WARNING', unverified.map(line)));
  blocks.push(`${plural(checks.length - missing.length - unverified.length, 'check')} ok.`);
  return `${blocks.join('\n\n')}\n`;
}

/** Why a pull request from a fork gets validation only. */
export function forkMarkdown(config: string): string {
  return [
    `## oncall-access: no plan for a pull request from a fork`,
    `The configuration (${escapeMarkdown(config)}) was validated; problems are annotated on their lines. ` +
      'The plan was not computed: workflows run for pull requests from forks get no secrets and a read-only token, ' +
      "so there are no credentials to read who is on call or who holds each team, and no comment is posted. To see the plan before merging, a maintainer can push the branch to this repository and open the pull request from there.",
  ].join('\n\n') + '\n';
}

/**
 * Why a pull request that got no secrets (Dependabot's, or any in a repository whose secrets are
 * not set) was validated only, and what to set. The notice annotation says this; so does
 * {@link withoutSecretsMarkdown}.
 */
export function withoutSecretsNote(tokenEnv: string): string {
  return (
    `No credentials for the GitHub target reached this run (the token and app-private-key inputs are empty and ${tokenEnv} is not set), ` +
    'as in Dependabot pull requests and in repositories whose secrets are not set: validated only, no plan was computed. ' +
    'To plan pull requests, set the secret the workflow passes as the token input (or as app-private-key, with app-id and installation-id); ' +
    'Dependabot pull requests read Dependabot secrets (Settings, Secrets and variables, Dependabot).'
  );
}

/** {@link withoutSecretsNote} for the job summary and the pull-request comment. */
export function withoutSecretsMarkdown(tokenEnv: string): string {
  return `## oncall-access: no plan without credentials\n\n${escapeMarkdown(withoutSecretsNote(tokenEnv))}\n`;
}

/** One line naming the commit and workflow run a report comes from. */
export function footer(ctx: ActionContext, what: string, sha: string | undefined): string {
  const parts = [what];
  if (sha !== undefined) parts.push(`commit \`${sha.slice(0, 12)}\``);
  if (ctx.runUrl !== undefined) parts.push(`[workflow run](${ctx.runUrl})`);
  return `\n<sub>${parts.join(' · ')}</sub>\n`;
}

/** The audit events of an apply: one line per executed change, and who and what triggered it. */
export function auditMarkdown(ctx: ActionContext, at: Date, outcomes: readonly Outcome[]): string {
  // Event names are GitHub's own identifiers; anything else is not shown as code.
  const trigger = [/^[a-z_]{1,40}$/.test(ctx.eventName) ? `\`${ctx.eventName}\` event` : 'run'];
  if (ctx.actor !== undefined) trigger.push(`by ${escapeMarkdown(ctx.actor)}`);
  const mark = { applied: '✅', failed: '❌', skipped: '⏭️' } as const;
  const lines = outcomes.map((o) => `- ${mark[o.status]} ${escapeMarkdown(outcomeLine(o))}`);
  return [
    '### Audit events',
    `Applied at ${at.toISOString()} on the ${trigger.join(' ')}${ctx.sha === undefined ? '' : `, config at commit \`${ctx.sha.slice(0, 12)}\``}.`,
    lines.length > 0 ? lines.join('\n') : 'No change was needed.',
  ].join('\n\n') + '\n';
}
