// A small Kubernetes REST client for the end-to-end harness (no kubectl here): typed enough
// for the objects the tests read, over HTTPS with the API server's own certificate as CA.
import fs from 'node:fs';
import https from 'node:https';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    deletionTimestamp?: string;
    creationTimestamp?: string;
    ownerReferences?: { kind: string; name: string }[];
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface KubeList {
  items: KubeObject[];
}

export class KubeError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 500)}`);
  }
}

export class KubeClient {
  private readonly agent: https.Agent;

  /** `tls` is the CA file of the server, or full TLS options (CA data, client certificate) from a kubeconfig. */
  constructor(
    readonly server: string,
    private readonly token: string | undefined,
    tls: string | https.AgentOptions,
  ) {
    this.agent = new https.Agent({ ...(typeof tls === 'string' ? { ca: fs.readFileSync(tls) } : tls), keepAlive: true });
  }

  request<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const url = new URL(path, this.server);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          agent: this.agent,
          timeout: 30_000,
          headers: {
            ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
            Accept: 'application/json',
            ...(payload ? { 'Content-Type': contentType } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 0) >= 300) return reject(new KubeError(res.statusCode ?? 0, text));
            const json = String(res.headers['content-type'] ?? '').includes('json');
            try {
              resolve((json ? JSON.parse(text) : text) as T);
            } catch (error) {
              reject(error as Error);
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  get(path: string): Promise<KubeObject> {
    return this.request('GET', path);
  }

  list(path: string, labelSelector?: string): Promise<KubeList> {
    return this.request('GET', labelSelector ? `${path}?labelSelector=${encodeURIComponent(labelSelector)}` : path);
  }

  create(path: string, object: unknown): Promise<KubeObject> {
    return this.request('POST', path, object);
  }

  delete(path: string): Promise<KubeObject> {
    return this.request('DELETE', path);
  }

  async exists(path: string): Promise<boolean> {
    try {
      await this.get(path);
      return true;
    } catch (error) {
      if (error instanceof KubeError && error.status === 404) return false;
      throw error;
    }
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Polls `probe` until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`);
}
