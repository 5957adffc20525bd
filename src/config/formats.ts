/**
 * The string formats used by the JSON Schemas in `schemas/`, with the words used to explain
 * them when a value does not match. Patterns are strict on purpose: identifiers end up in URL
 * paths and PR comments, so nothing that could escape a path or smuggle markup gets through.
 */
import { parseDuration } from '../duration.js';
import { isTimeZone, parseInstant } from '../time/zoned.js';

/** A named format: how to check it, and what it should look like, for error messages. */
export interface Format {
  validate: (value: string) => boolean;
  /** Completes "expected ...". */
  expected: string;
}

const NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const EMAIL = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$/;
const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,99}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function relativePath(value: string): boolean {
  return value.length > 0 && value.length < 256 && !value.startsWith('/') && !value.split(/[\\/]/).includes('..') && !/[\0-\x1f]/.test(value);
}

function httpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

/** Every format the schemas use, by name. */
export const FORMATS: Record<string, Format> = {
  name: { validate: (v) => NAME.test(v), expected: 'a name of lowercase letters, digits and dashes (at most 63), like payments-oncall' },
  slug: { validate: (v) => SLUG.test(v), expected: 'a GitHub team or repository slug (letters, digits, ".", "_", "-")' },
  login: { validate: (v) => LOGIN.test(v), expected: 'a GitHub login (letters, digits and single dashes, at most 39)' },
  email: { validate: (v) => EMAIL.test(v), expected: 'an email address like alice@example.com' },
  subject: { validate: (v) => EMAIL.test(v) || LOGIN.test(v), expected: 'an email address or a GitHub login' },
  'external-id': { validate: (v) => EXTERNAL_ID.test(v), expected: 'a schedule or policy ID or name (letters, digits, spaces, ".", "_", "-")' },
  'env-name': { validate: (v) => ENV_NAME.test(v), expected: 'the name of an environment variable, like GITHUB_TOKEN (not the token itself)' },
  'http-url': { validate: httpUrl, expected: 'an http(s) URL without credentials, query or fragment' },
  'relative-path': { validate: relativePath, expected: 'a path relative to the config file, not leaving its directory' },
  duration: { validate: (v) => parseDuration(v) !== undefined, expected: 'a duration like 90s, 15m, 4h, 1d or 1h30m (at most 10 years)' },
  'time-zone': { validate: isTimeZone, expected: 'an IANA time zone like Europe/Berlin or UTC' },
  'date-time-local': { validate: (v) => parseInstant(v, 'UTC') !== undefined, expected: 'a date and time like 2026-11-02T09:00 (in the rotation\'s time zone) or an instant with Z or an offset' },
  instant: { validate: (v) => INSTANT.test(v) && parseInstant(v, 'UTC') !== undefined, expected: 'an instant like 2026-11-02T09:00:00Z' },
};
