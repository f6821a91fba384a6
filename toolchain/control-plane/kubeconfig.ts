// A KubeClient from a kubeconfig file (any cluster the user has: kind, a staging cluster):
// the current context's server, CA and credentials (bearer token or client certificate).
// Exec and auth-provider plugins are not run; such a kubeconfig is refused with the reason.
import fs from 'node:fs';
import type https from 'node:https';
import path from 'node:path';
import { parse } from 'yaml';
import { KubeClient } from './kube-client.ts';

interface Named<T> {
  readonly name: string;
  readonly [key: string]: unknown;
  readonly cluster?: T;
  readonly user?: T;
  readonly context?: T;
}

interface KubeconfigFile {
  readonly 'current-context'?: string;
  readonly clusters?: readonly Named<{
    server?: string;
    'certificate-authority'?: string;
    'certificate-authority-data'?: string;
    'insecure-skip-tls-verify'?: boolean;
  }>[];
  readonly users?: readonly Named<{
    token?: string;
    tokenFile?: string;
    'client-certificate'?: string;
    'client-certificate-data'?: string;
    'client-key'?: string;
    'client-key-data'?: string;
    exec?: unknown;
    'auth-provider'?: unknown;
  }>[];
  readonly contexts?: readonly Named<{ cluster?: string; user?: string; namespace?: string }>[];
}

export class KubeconfigError extends Error {
  override readonly name = 'KubeconfigError';
}

export function clientFromKubeconfig(file: string, contextName?: string): { client: KubeClient; namespace: string } {
  let config: KubeconfigFile;
  try {
    config = (parse(fs.readFileSync(file, 'utf8')) as KubeconfigFile | null) ?? {};
  } catch (error) {
    throw new KubeconfigError(`${file}: ${(error as Error).message}`);
  }
  const base = path.dirname(file);
  const rel = (p: string) => (path.isAbsolute(p) ? p : path.join(base, p));
  const name = contextName ?? config['current-context'];
  const context = config.contexts?.find((c) => c.name === name)?.context;
  if (!context) throw new KubeconfigError(`${file}: no context ${name ? `"${name}"` : '(current-context is not set)'}`);
  const cluster = config.clusters?.find((c) => c.name === context.cluster)?.cluster;
  if (!cluster?.server) throw new KubeconfigError(`${file}: context "${name}" names cluster "${context.cluster}", which has no server`);
  const user = config.users?.find((u) => u.name === context.user)?.user ?? {};
  if (user.exec || user['auth-provider'])
    throw new KubeconfigError(
      `${file}: user "${context.user}" authenticates with an exec or auth-provider plugin, which explore does not run; use a token or client certificate`,
    );
  const b64 = (s: string) => Buffer.from(s, 'base64');
  const tls: https.AgentOptions = {
    ...(cluster['certificate-authority-data']
      ? { ca: b64(cluster['certificate-authority-data']) }
      : cluster['certificate-authority']
        ? { ca: fs.readFileSync(rel(cluster['certificate-authority'])) }
        : {}),
    ...(cluster['insecure-skip-tls-verify'] ? { rejectUnauthorized: false } : {}),
    ...(user['client-certificate-data']
      ? { cert: b64(user['client-certificate-data']) }
      : user['client-certificate']
        ? { cert: fs.readFileSync(rel(user['client-certificate'])) }
        : {}),
    ...(user['client-key-data'] ? { key: b64(user['client-key-data']) } : user['client-key'] ? { key: fs.readFileSync(rel(user['client-key'])) } : {}),
  };
  const token = user.token ?? (user.tokenFile ? fs.readFileSync(rel(user.tokenFile), 'utf8').trim() : undefined);
  return { client: new KubeClient(cluster.server, token, tls), namespace: context.namespace ?? 'default' };
}
