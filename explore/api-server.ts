// The API server oracle 4 talks to: a user's cluster from a kubeconfig (nothing is created
// there), or the project's own control plane, started for the run and stopped after it.
import fs from 'node:fs';
import path from 'node:path';
import { controlPlaneAvailable, startCluster } from '../toolchain/control-plane/cluster.ts';
import { installCrds } from '../toolchain/control-plane/cluster-fixtures.ts';
import { clientFromKubeconfig } from '../toolchain/control-plane/kubeconfig.ts';
import { SHARED_SCHEMAS_DIR } from '../toolchain/kubeconform.ts';
import { DryRunOracle } from './oracles/dry-run-oracle.ts';

export type ApiServerChoice = { readonly kind: 'kubeconfig'; readonly file: string; readonly context?: string } | { readonly kind: 'local-control-plane' };

export interface ApiServer {
  readonly oracle: DryRunOracle;
  /** What the report says about the server. */
  readonly description: string;
  close(): Promise<void>;
}

export class ApiServerError extends Error {
  override readonly name = 'ApiServerError';
}

export async function openApiServer(choice: ApiServerChoice): Promise<ApiServer> {
  if (choice.kind === 'kubeconfig') {
    const { client, namespace } = clientFromKubeconfig(choice.file, choice.context);
    const version = await client.request<{ gitVersion?: string }>('GET', '/version').catch((error: Error) => {
      client.close();
      throw new ApiServerError(`cannot reach the API server of ${choice.file}: ${error.message}`);
    });
    return {
      oracle: new DryRunOracle({ client, createNamespaces: false, targetNamespace: namespace }),
      description: `${client.server} (${version.gitVersion ?? 'unknown version'}), namespace ${namespace}`,
      close: async () => client.close(),
    };
  }
  if (!controlPlaneAvailable())
    throw new ApiServerError('the local control plane is not built: run `node scripts/build-controlplane.mjs` (or `npm run bootstrap -- --control-plane`)');
  const cluster = await startCluster(1);
  try {
    // The CRDs of the kinds charts commonly render (Prometheus Operator, Velero), when the
    // schema folder ships their manifests.
    if (fs.existsSync(path.join(SHARED_SCHEMAS_DIR, 'crd-manifests'))) await installCrds(cluster.client);
    const version = await cluster.client.request<{ gitVersion?: string }>('GET', '/version');
    return {
      oracle: new DryRunOracle({ client: cluster.client, createNamespaces: true, targetNamespace: 'default' }),
      description: `local control plane ${version.gitVersion ?? ''} at ${cluster.server}`,
      close: () => cluster.stop(),
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
