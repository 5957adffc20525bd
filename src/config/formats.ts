/**
 * The string formats used by the JSON Schemas in `schemas/`, with the words used to explain
 * them when a value does not match. Patterns are strict on purpose: identifiers end up in URL
 * paths and PR comments, so nothing that could escape a path or smuggle markup gets through.
 *
 * Every format has a pattern, which the schemas repeat beside the format: editors and plain
 * validators do not know the project's formats (they are named `oncall-access-*` so that none
 * is mistaken for a standard one), but they do check patterns.
 */
import { parseDuration } from '../core/duration.js';
import { isTimeZone, parseInstant } from '../core/zoned.js';

/** A named format: how to check it, and what it should look like, for error messages. */
export interface Format {
  /**
   * An ECMA-262 regular expression (compiled with the `u` flag, as ajv and editors do) that every
   * valid value matches; the schemas give it as `pattern` wherever they use the format.
   */
  pattern: string;
  /** True when the value matches the pattern and passes what a pattern cannot say (a real time zone, a date that exists). */
  validate: (value: string) => boolean;
  /** Completes "expected ...". */
  expected: string;
}

const NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/u;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/u;
/** An account on any target (a GitHub login, an Okta login, which is often an email, a Slack user id): no spaces, quotes or markup. */
const ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9._%+'@-]{0,199}$/u;
const EMAIL = /^(?=[^@]{1,64}@)[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/u;
const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$/u;
const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,99}$/u;
/** A UUID, as Atlassian names a site (its cloud id). */
const CLOUD_ID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/u;
/** Atlassian account ids: 24 hex digits, or a number, a colon and a UUID; nothing that could leave a query parameter. */
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$/u;
/** Relative: not from the root, no `..` segment (either separator), no control characters. */
const RELATIVE_PATH = /^(?!\/)(?!(?:[\s\S]*[\\/])?\.\.(?:[\\/]|$))[^\x00-\x1f]{1,255}$/u;
/** http(s), a host, a path: no credentials, query or fragment. */
const HTTP_URL = /^https?:\/\/[^\s/?#@\\]+(?:\/[^\s?#\\]*)?$/u;
/** Each unit at most once, largest first; `parseDuration` adds the 10-year bound. */
const DURATION = /^(?=\d)(?:\d{1,9}w)?(?:\d{1,9}d)?(?:\d{1,9}h)?(?:\d{1,9}m)?(?:\d{1,9}s)?$/u;
/** Zone names start with a letter (`+01:00` is an offset, not a zone); `Intl` decides which exist. */
const TIME_ZONE = /^[A-Za-z][A-Za-z0-9_+/-]{0,99}$/u;
const DATE_TIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/u;
/** A Slack user group: its mention handle (an optional `@`, lowercase) or its id (`S` and capitals and digits). */
const SLACK_USERGROUP = /^(?:@?[a-z0-9][a-z0-9._-]{0,79}|S[A-Z0-9]{8,19})$/u;
const SLACK_TEAM_ID = /^T[A-Z0-9]{8,19}$/u;
const SLACK_USER_ID = /^[UW][A-Z0-9]{8,19}$/u;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/u;

/** Either of two anchored patterns. */
function either(a: RegExp, b: RegExp): RegExp {
  return new RegExp(`^(?:${a.source.slice(1, -1)}|${b.source.slice(1, -1)})$`, 'u');
}

function format(pattern: RegExp, expected: string, refine: (value: string) => boolean = () => true): Format {
  return { pattern: pattern.source, validate: (v) => pattern.test(v) && refine(v), expected };
}

/**
 * Every format the schemas use, by name. `email` is the standard format (an address like
 * alice@example.com; the pattern keeps to the common dot-atom form); the others are the project's.
 */
export const FORMATS: Record<string, Format> = {
  'oncall-access-name': format(NAME, 'a name of lowercase letters, digits and dashes (at most 63), like payments-oncall'),
  'oncall-access-slug': format(SLUG, 'a GitHub team or repository slug (letters, digits, ".", "_", "-")'),
  'oncall-access-login': format(LOGIN, 'a GitHub login (letters, digits and single dashes, at most 39)'),
  'oncall-access-account': format(ACCOUNT, "an account on a target: a GitHub login, or an Okta login (letters, digits and . _ % + ' @ -, at most 200)"),
  email: format(EMAIL, 'an email address like alice@example.com'),
  'oncall-access-subject': format(either(EMAIL, LOGIN), 'an email address or a GitHub login'),
  'oncall-access-external-id': format(EXTERNAL_ID, 'a schedule or policy ID or name (letters, digits, spaces, ".", "_", "-")'),
  'oncall-access-env-name': format(ENV_NAME, 'the name of an environment variable, like GITHUB_TOKEN (not the token itself)'),
  'oncall-access-cloud-id': format(CLOUD_ID, 'an Atlassian cloud id like 3a015c30-bac7-4abc-97a1-50c1feea188a (https://YOUR-SITE.atlassian.net/_edge/tenant_info shows it)'),
  'oncall-access-account-id': format(ACCOUNT_ID, 'an Atlassian account id like 5b10ac8d82e05b22cc7d4ef5 or 712020:1b2c3d4e-0000-4000-8000-00000000b0b0'),
  'oncall-access-http-url': format(HTTP_URL, 'an http(s) URL without credentials, query or fragment', (v) => URL.canParse(v)),
  'oncall-access-relative-path': format(RELATIVE_PATH, 'a path relative to the config file, not leaving its directory'),
  'oncall-access-duration': format(DURATION, 'a duration like 90s, 15m, 4h, 1d or 1h30m (at most 10 years)', (v) => parseDuration(v) !== undefined),
  'oncall-access-time-zone': format(TIME_ZONE, 'an IANA time zone like Europe/Berlin or UTC', isTimeZone),
  'oncall-access-date-time-local': format(DATE_TIME_LOCAL, 'a date and time like 2026-11-02T09:00 (in the rotation\'s time zone) or an instant with Z or an offset', (v) => parseInstant(v, 'UTC') !== undefined),
  'oncall-access-instant': format(INSTANT, 'an instant like 2026-11-02T09:00:00Z', (v) => parseInstant(v, 'UTC') !== undefined),
  'oncall-access-slack-usergroup': format(SLACK_USERGROUP, 'a Slack user group handle like payments-oncall (lowercase, @ optional) or its id like S0614TZR7'),
  'oncall-access-slack-team-id': format(SLACK_TEAM_ID, 'a Slack workspace id like T0123ABCD4'),
  'oncall-access-slack-user-id': format(SLACK_USER_ID, 'a Slack user id like U0123ABCD4'),
};

/** A JSON Schema for a string of the project format `name`, with its pattern for tools that do not know the format. */
export function formattedString(description: string, name: string): { [keyword: string]: unknown } {
  return { description, type: 'string', format: name, pattern: FORMATS[name]!.pattern };
}
