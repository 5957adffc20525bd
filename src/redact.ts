/**
 * Defence in depth for secrets: whatever an API echoes back, no token from the environment is
 * ever printed or written. Tokens are only read from the environment, so the environment says
 * what to look for.
 */

const SECRET_NAME = /TOKEN|KEY|SECRET|PASSWORD|PRIVATE|CREDENTIAL/i;
/** Shorter values are too likely to occur in ordinary text to be worth replacing. */
const MIN_SECRET_LENGTH = 8;

/** The values of environment variables that hold secrets: named like one, or named by the config. */
export function secretsIn(env: NodeJS.ProcessEnv, extraNames: readonly string[] = []): string[] {
  const names = new Set(extraNames);
  return Object.entries(env)
    .filter(([name, value]) => value !== undefined && value.length >= MIN_SECRET_LENGTH && (SECRET_NAME.test(name) || names.has(name)))
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length);
}

/** `text` with every secret replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
  return out;
}
