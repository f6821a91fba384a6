// A throwaway OpenPGP signing key for release tests, made by GnuPG in a temporary home and
// exported as the legacy secret keyring Helm reads. `.ci/run` installs gnupg when missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestSigningKey {
  /** The user id, Helm's --key. */
  readonly name: string;
  readonly keyring: string;
  readonly fingerprint: string;
  /** Environment for `bvchart release`. */
  readonly env: Record<string, string>;
}

export function createSigningKey(dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-key-'))): TestSigningKey {
  const home = path.join(dir, 'gnupg');
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const gpg = (args: string[]) => execFileSync('gpg', ['--homedir', home, '--batch', ...args], { encoding: 'buffer', stdio: ['ignore', 'pipe', 'ignore'] });
  const name = `bvchart test ${path.basename(dir)}`;
  // RSA: the OpenPGP library Helm signs with does not read GnuPG's newer default (EdDSA) keys.
  gpg(['--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', `${name} <test@bvchart.invalid>`, 'rsa2048', 'sign', 'never']);
  const keyring = path.join(dir, 'secring.gpg');
  fs.writeFileSync(keyring, gpg(['--pinentry-mode', 'loopback', '--passphrase', '', '--export-secret-keys']));
  const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(['--with-colons', '--list-keys']).toString('utf8'))?.[1] ?? '';
  if (!fingerprint) throw new Error('gpg listed no fingerprint for the generated key');
  return { name, keyring, fingerprint, env: { BVCHART_SIGN_KEY: name, BVCHART_SIGN_KEYRING: keyring } };
}
