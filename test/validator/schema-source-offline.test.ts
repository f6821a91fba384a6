// A schema URL that cannot be downloaded and is not cached: the error says why (the network
// error's code), where the cache is, and how to work offline, instead of "fetch failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createSchemaSource } from '../../validator/schemas/schema-source.ts';

it('an uncached URL without network names the cause, the cache and the offline option', async () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-schema-cache-'));
  // What Node's fetch throws when the host cannot be resolved.
  const offline = () =>
    Promise.reject(
      new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND raw.githubusercontent.com'), { code: 'ENOTFOUND' }) }),
    );
  const source = createSchemaSource({ cacheDir, fetchText: offline });
  await expect(source('https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.33.0-standalone-strict/service-v1.json')).rejects.toThrow(
    `could not download (ENOTFOUND) and not in the cache ${cacheDir}; to work offline pass --schema-location with a local folder`,
  );
});
