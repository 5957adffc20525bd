/**
 * GitHub App installation authentication: the App's private key signs a short-lived JWT,
 * which is exchanged for an installation token (valid for an hour, limited to the
 * installation's permissions). octokit's `App` does both steps.
 */
import { App, Octokit } from 'octokit';
import type { Fetch } from '../http/read-only.js';
import { describeError } from '../targets/github/errors.js';
import { UserError } from '../io.js';
import type { AppCredentials } from './context.js';

function reason(e: unknown): string {
  const status = (e as { status?: number }).status;
  if (status === 401) return "GitHub rejected the App's signed token (401): check that app-private-key is a key of App app-id";
  if (status === 404) return 'no such installation (404): check installation-id, and that the App is installed on the organisation';
  if (status === undefined && /key|pem|pkcs|asn|decod/i.test((e as Error).message ?? '')) return 'the private key could not be read (it must be the PEM file GitHub generated for the App)';
  return describeError(e);
}

/**
 * Mints an installation token for `credentials` from the API at `baseUrl`. Errors name the
 * App and the installation, never the key or a token.
 */
export async function mintInstallationToken(credentials: AppCredentials, baseUrl: string, fetch: Fetch): Promise<string> {
  const where = `GitHub App ${credentials.appId}, installation ${credentials.installationId}`;
  const app = new App({
    appId: credentials.appId,
    privateKey: credentials.privateKey,
    Octokit: Octokit.defaults({ baseUrl: baseUrl.replace(/\/+$/, ''), request: { fetch }, throttle: { enabled: false }, retry: { retries: 2 } }),
  });
  try {
    const installation = await app.getInstallationOctokit(Number(credentials.installationId));
    const auth = (await installation.auth({ type: 'installation' })) as { token: string };
    return auth.token;
  } catch (e) {
    throw new UserError(`cannot get an installation token for ${where}: ${reason(e)}`);
  }
}
