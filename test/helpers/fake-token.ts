/** Fake credentials for tests, assembled at test time so the repository holds no token-shaped literal. */

/** A fake GitHub token of the given kind (`ghp`: classic, `ghs`: App installation). */
export const fakeToken = (kind: 'ghp' | 'ghs', body: string): string => [kind, body].join('_');

/** A fake Slack bot token (`xoxb-...`). */
export const fakeSlackToken = (body: string): string => ['xoxb', body].join('-');
