/**
 * Defence in depth for secrets: whatever an API echoes back or a file quotes, no token from the
 * environment is ever printed or written. Tokens are only read from the environment, so the
 * environment says what to look for; well-known token and key shapes are redacted wherever they
 * come from.
 */

const SECRET_NAME = /TOKEN|KEY|SECRET|PASSWORD|PRIVATE|CREDENTIAL|PEM/i;
/** Names of variables that hold the name of another variable, not a value. */
const NAMES_A_VARIABLE = /[-_]ENV$/i;
/**
 * Shorter values (and shorter pieces of a value) are too likely to occur in ordinary text to be
 * worth replacing: a one-letter "token" would shred every word holding that letter. No real API
 * token is this short, so such a value is a mistake the adapters warn about instead.
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * Secrets recognisable by their shape alone: GitHub tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`,
 * `ghr_`, `github_pat_`) and PEM private keys, whole or cut short.
 */
const SECRET_SHAPES = [/\b(?:gh[pousr]_[A-Za-z0-9]{8,}|github_pat_[A-Za-z0-9_]{8,})/g, /-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----|[\s\S]*)/g];

/**
 * The values of environment variables that hold secrets: named like one (the Action's inputs,
 * `INPUT_GITHUB-TOKEN`, included), named by the config, or holding a PEM block; longest first.
 * A variable named for the variable that holds a token (`INPUT_TOKEN-ENV`, `*_TOKEN_ENV`) holds
 * only that name, which messages must be able to say.
 */
export function secretsIn(env: NodeJS.ProcessEnv, extraNames: readonly string[] = []): string[] {
  const names = new Set(extraNames);
  return Object.entries(env)
    .filter(([name, value]) => value !== undefined && ((SECRET_NAME.test(name) && !NAMES_A_VARIABLE.test(name)) || names.has(name) || value.includes('-----BEGIN ')))
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length);
}

/**
 * `text` with every secret replaced by `[redacted]`: each whole secret, each piece of one at
 * least {@link MIN_SECRET_LENGTH} characters long that starts where the secret starts (what is
 * left when a value was cut short before it reached here), and every token or key shape.
 * Secrets shorter than {@link MIN_SECRET_LENGTH} are not looked for.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= MIN_SECRET_LENGTH) out = redactOne(out, s);
  for (const shape of SECRET_SHAPES) out = out.replace(shape, '[redacted]');
  return out;
}

/** `text` with `secret`, and every cut-short start of it, replaced. */
function redactOne(text: string, secret: string): string {
  const head = secret.slice(0, MIN_SECRET_LENGTH);
  let out = '';
  let from = 0;
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, from)) {
    let end = at + head.length;
    while (end < text.length && end - at < secret.length && text[end] === secret[end - at]) end += 1;
    out += `${text.slice(from, at)}[redacted]`;
    from = end;
  }
  return out + text.slice(from);
}
