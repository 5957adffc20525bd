/** Names the JSM tests share: a site, the account the token belongs to, a schedule, people by Atlassian account id. */
export const CLOUD = '3a015c30-bac7-4abc-97a1-50c1feea188a';
export const EMAIL = 'oncall-bot@acme.example';
/** A recognisable fake API token: tests scan output for it. */
export const TOKEN = 'ATATTjsmFAKEtokenFORtests0123456789';
export const PAYMENTS_ID = '9e1f7a2c-0d3b-4c55-8a11-5b7c2f0e6d41';
/** Account ids in the two shapes Atlassian gives: 24 hex digits, and a number, a colon and a UUID. */
export const ALICE = '5b10ac8d82e05b22cc7d4ef5';
export const BOB = '712020:1b2c3d4e-0000-4000-8000-00000000b0b0';
export const CAROL = '5b10a2844c20165700ede21g';
