// The release signing key, from the environment (never from arguments or files in the
// repository):
//   BVCHART_SIGN_KEY              the key's name (its user id, or part of it), Helm's --key
//   BVCHART_SIGN_KEYRING          a secret keyring in the legacy format Helm reads
//                                 (`gpg --export-secret-keys > secring.gpg`)
//   BVCHART_SIGN_PASSPHRASE_FILE  optional: a file holding the key's passphrase
//                                 (Helm also reads HELM_KEY_PASSPHRASE)
import fs from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.ts';

export interface SigningKey {
  readonly name: string;
  readonly keyring: string;
  readonly passphraseFile?: string;
}

export function signingKeyFromEnv(env: NodeJS.ProcessEnv): { key?: SigningKey; diagnostics: Diagnostic[] } {
  const name = env.BVCHART_SIGN_KEY;
  const keyring = env.BVCHART_SIGN_KEYRING;
  const passphraseFile = env.BVCHART_SIGN_PASSPHRASE_FILE;
  const diagnostics: Diagnostic[] = [];
  const missing = (message: string) => diagnostics.push({ code: 'release/signing-key', severity: 'error', message });
  if (!name) missing('BVCHART_SIGN_KEY is not set: the name (user id) of the key to sign the chart with');
  if (!keyring) missing('BVCHART_SIGN_KEYRING is not set: the secret keyring holding that key (gpg --export-secret-keys > secring.gpg)');
  else if (!fs.existsSync(keyring)) missing(`BVCHART_SIGN_KEYRING: ${keyring} does not exist`);
  if (passphraseFile && !fs.existsSync(passphraseFile)) missing(`BVCHART_SIGN_PASSPHRASE_FILE: ${passphraseFile} does not exist`);
  if (diagnostics.length > 0 || !name || !keyring) return { diagnostics };
  return { key: { name, keyring, ...(passphraseFile ? { passphraseFile } : {}) }, diagnostics };
}

export function helmSignArgs(key: SigningKey): string[] {
  return ['--sign', '--key', key.name, '--keyring', key.keyring, ...(key.passphraseFile ? ['--passphrase-file', key.passphraseFile] : [])];
}

/** The fingerprint `helm verify` names ("Using Key With Fingerprint: …"), upper case. */
export function verifiedFingerprint(helmVerifyOutput: string): string | undefined {
  return /Fingerprint:\s*([0-9A-Fa-f]{40})/.exec(helmVerifyOutput)?.[1]?.toUpperCase();
}
