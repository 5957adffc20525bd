/** The shape of one line of `doctor`'s report, which each source and target's own checks give. */

/**
 * One check's outcome: `ok`; `missing` (something the config needs is not there: the detail says
 * what to grant or set, and where); `unverified` (the API cannot tell without writing, which
 * doctor never does: the detail says what apply will need).
 */
export type CheckStatus = 'ok' | 'missing' | 'unverified';

/** One line of `doctor`'s report. */
export interface Check {
  /** The config entry checked: `source "pagerduty"`, `target "github"`. */
  subject: string;
  /** What was checked: `token (PAGERDUTY_TOKEN)`, `pagerduty schedule P1ABCDE`, `team acme/sre`. */
  what: string;
  status: CheckStatus;
  /** What to grant or set, and where (`missing`); what apply needs (`unverified`); else nothing. */
  detail?: string;
}

/**
 * The token line of a source or target: its variable is set, or what to set where. `section` is
 * where it is declared (`spec.sources`, `spec.targets`); `what` the token it should hold.
 */
export function tokenCheck(subject: string, c: { name: string; tokenEnv?: string }, section: 'spec.sources' | 'spec.targets', env: NodeJS.ProcessEnv, what: string): Check {
  if (c.tokenEnv === undefined) return { subject, what: 'token', status: 'missing', detail: `no tokenEnv: set it in ${section}.${c.name} to the environment variable that will hold ${what}` };
  const check = { subject, what: `token (${c.tokenEnv})` };
  return env[c.tokenEnv] ? { ...check, status: 'ok' } : { ...check, status: 'missing', detail: `environment variable ${c.tokenEnv} is not set: set it to ${what}` };
}
