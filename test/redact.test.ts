/** Redaction (issue 12): whole secrets, pieces of secrets cut short, and secrets known by their shape. */
import t from 'tap';
import { redact, secretsIn } from '../src/util/redact.js';

/** Fakes built at test time, so no secret-shaped literal is committed. */
const pem = (kind: string, body: string) => `-----BEGIN ${kind}-----\n${body}`;
const TOKEN = ['ghs', 'fakeINPUTtoken0123456789abcdefABCD'].join('_');

t.test('secrets come from variables named like one, named by the config, or holding a PEM block', async (t) => {
  const env = { 'INPUT_GITHUB-TOKEN': TOKEN, MY_PD: 'pd-secret-value', CERT: '-----BEGIN CERTIFICATE-----\nabc', HOME: '/home/runner', SHORT_TOKEN: 'abc', 'INPUT_TOKEN-ENV': 'GITHUB_TOKEN', PAGERDUTY_TOKEN_ENV: 'PD_READ_TOKEN' };
  t.same(secretsIn(env, ['MY_PD']), [TOKEN, 'pd-secret-value', '-----BEGIN CERTIFICATE-----\nabc', 'abc'].sort((a, b) => b.length - a.length));
  t.equal(redact('environment variable GITHUB_TOKEN (its tokenEnv) is not set', secretsIn(env)), 'environment variable GITHUB_TOKEN (its tokenEnv) is not set', 'the name of a token variable is not a secret');
});

t.test('a secret shorter than 8 characters is not looked for: a one-letter token would shred every word', async (t) => {
  t.equal(redact('PagerDuty rejected the token', ['e']), 'PagerDuty rejected the token');
  t.equal(redact('see abc1234 and s3cr3t-value-that-is-long', ['abc1234', 's3cr3t-value-that-is-long']), 'see abc1234 and [redacted]', 'seven characters: not looked for; the long one still is');
  t.equal(redact(`token ${TOKEN}`, ['x']), 'token [redacted]', 'token shapes are still redacted');
});

t.test('a whole secret, and every cut-short start of one (8 characters or more), is redacted', async (t) => {
  const secrets = ['s3cr3t-value-that-is-long'];
  t.equal(redact('x s3cr3t-value-that-is-long y', secrets), 'x [redacted] y');
  t.equal(redact('profile: "s3cr3t-value-th..."', secrets), 'profile: "[redacted]..."', 'cut short before it got here');
  t.equal(redact('s3cr3t-v and s3cr3t- and s3cr3t-valueXX', secrets), '[redacted] and s3cr3t- and [redacted]XX', 'seven characters are not a piece worth redacting');
  t.equal(redact('nothing here', secrets), 'nothing here');
});

t.test('GitHub tokens and PEM private keys are redacted by their shape, whole or cut', async (t) => {
  t.equal(redact(`token ${TOKEN}.`, []), 'token [redacted].');
  t.equal(redact('pat github_pat_11ABCDEFG0123456789_abcdef', []), 'pat [redacted]');
  t.equal(redact(`key ${pem('RSA PRIVATE KEY', 'MIIE')}\n${'-'.repeat(5)}END RSA ${'PRIVATE'} KEY${'-'.repeat(5)} end`, []), 'key [redacted] end');
  t.equal(redact(`cut ${pem('PRIVATE KEY', 'MIIEvQIBADAN')}`, []), 'cut [redacted]');
  t.equal(redact('ghp_short is not a token; gh_pages neither', []), 'ghp_short is not a token; gh_pages neither');
});
