/**
 * OAuth 2.0 service-app authentication (client credentials with a `private_key_jwt` client
 * assertion, RFC 7523): the private key from its environment variable, and the short-lived
 * assertion signed with it. node:crypto only: no JOSE library is loaded for one signature.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';

/** A service app's signing key, ready to sign assertions. */
export interface SigningKey {
  key: KeyObject;
  alg: 'RS256' | 'ES256';
  /** The key id to send: the configured `keyId`, else the JWK's own `kid`. */
  kid?: string;
}

/**
 * The key an environment variable holds, as PEM (PKCS#8 or PKCS#1) or as a JWK; the reason when
 * it holds neither, or a key of a type Okta does not take (RSA and EC P-256 only). The message
 * never repeats the value.
 */
export function loadSigningKey(text: string, env: string, keyId?: string): SigningKey | { problem: string } {
  let key: KeyObject;
  let jwkKid: string | undefined;
  try {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as { kid?: unknown };
      jwkKid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
      key = createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
    } else {
      key = createPrivateKey(trimmed);
    }
  } catch {
    return { problem: `${env} does not hold a private key as PEM or JWK` };
  }
  const kid = keyId ?? jwkKid;
  if (key.asymmetricKeyType === 'rsa') return { key, alg: 'RS256', ...(kid === undefined ? {} : { kid }) };
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { key, alg: 'ES256', ...(kid === undefined ? {} : { kid }) };
  return { problem: `${env} holds a ${key.asymmetricKeyType ?? 'public'} key; Okta service apps sign with an RSA or EC P-256 private key` };
}

/** A client assertion for `clientId` at `audience` (the token endpoint), valid for five minutes from `now`. */
export function clientAssertion(signing: SigningKey, clientId: string, audience: string, now: number): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(now / 1000);
  const header = { alg: signing.alg, typ: 'JWT', ...(signing.kid === undefined ? {} : { kid: signing.kid }) };
  const body = `${b64(header)}.${b64({ iss: clientId, sub: clientId, aud: audience, iat, exp: iat + 300, jti: randomUUID() })}`;
  // JWS wants ES256 signatures as the raw r||s pair, not DER.
  const signature = sign('sha256', Buffer.from(body), signing.alg === 'ES256' ? { key: signing.key, dsaEncoding: 'ieee-p1363' } : signing.key);
  return `${body}.${signature.toString('base64url')}`;
}
