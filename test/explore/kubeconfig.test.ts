// Oracle 4's cluster from a kubeconfig: the current context's server and credentials, and
// clear refusals for what explore cannot use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientFromKubeconfig } from '../../toolchain/control-plane/kubeconfig.ts';

function kubeconfig(user: string, current = 'dev'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-kubeconfig-'));
  const file = path.join(dir, 'config');
  fs.writeFileSync(
    file,
    [
      'apiVersion: v1',
      'kind: Config',
      `current-context: ${current}`,
      'clusters:',
      '- name: c',
      '  cluster: {server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true}',
      'users:',
      `- name: u`,
      `  user: ${user}`,
      'contexts:',
      '- name: dev',
      '  context: {cluster: c, user: u, namespace: staging}',
      '',
    ].join('\n'),
  );
  return file;
}

describe('clientFromKubeconfig', () => {
  it('takes the current context: server, token and namespace', () => {
    const { client, namespace } = clientFromKubeconfig(kubeconfig('{token: abc}'));
    expect(client.server).toBe('https://127.0.0.1:6443');
    expect(namespace).toBe('staging');
    client.close();
  });

  it.each([
    ['an unknown context', kubeconfig('{token: abc}', 'prod'), /no context "prod"/],
    ['an exec plugin', kubeconfig('{exec: {command: aws}}'), /exec or auth-provider plugin/],
  ])('refuses %s with the reason', (_what, file, message) => {
    expect(() => clientFromKubeconfig(file)).toThrow(message);
  });
});
