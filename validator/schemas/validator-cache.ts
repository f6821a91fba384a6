// Compiled schema validators cached on disk by schema digest, so a cold process loads a
// kind's validator instead of compiling it (compiling a workload schema costs Ajv ~1 s).
// The cache holds Ajv standalone code (`ajv/dist/standalone`) under
// ~/.cache/bvchart/validators/<digest>.cjs; the digest covers the schema text and
// everything that shapes the code (Ajv's version and options, the pattern translation), so a
// changed schema or engine never meets a stale validator. Writes are atomic (temp + rename),
// so processes and workers sharing the folder never read half a file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import ajvPackage from 'ajv/package.json' with { type: 'json' };
import { bvchartCacheDir } from '../../core/cache-dir.ts';
import { writeFileAtomically } from '../../core/write-file-atomically.ts';
import { KUBE_AJV_FINGERPRINT, RE2_REGEXP_NAME, re2Compatible } from './kube-ajv.ts';

type StandaloneCode = (ajv: Ajv, validate: ValidateFunction) => string;
const standaloneCode: StandaloneCode = (standaloneModule as unknown as { default?: StandaloneCode }).default ?? (standaloneModule as unknown as StandaloneCode);

/** Bumped when the cached module's shape changes. */
const CACHE_FORMAT = '1';

/** The generated code requires Ajv's runtime helpers (`ajv/dist/runtime/...`): resolve them from here. */
const requireFromHere = createRequire(import.meta.url);

export function defaultValidatorCacheDir(): string {
  return bvchartCacheDir('validators');
}

/** The digest naming a schema's compiled validator. */
export function validatorDigest(schemaText: string): string {
  return createHash('sha256').update(`bvchart-validator ${CACHE_FORMAT} ajv ${ajvPackage.version} ${KUBE_AJV_FINGERPRINT}\n`).update(schemaText).digest('hex');
}

/** Turns standalone code into a validate function (the code is CommonJS, run with our require). */
function instantiate(code: string): ValidateFunction {
  const module = { exports: {} as unknown };
  const factory = new Function('require', 'module', 'exports', RE2_REGEXP_NAME, code) as (
    require: NodeJS.Require,
    module: { exports: unknown },
    exports: unknown,
    regExp: typeof re2Compatible,
  ) => void;
  factory(requireFromHere, module, module.exports, re2Compatible);
  return module.exports as ValidateFunction;
}

export interface ValidatorCacheStats {
  /** Validators loaded from the cache. */
  hits: number;
  /** Validators compiled (and written to the cache). */
  compiled: number;
}

export class ValidatorCache {
  readonly stats: ValidatorCacheStats = { hits: 0, compiled: 0 };

  /** `dir` false: compile in memory only, read and write nothing. */
  constructor(private readonly dir: string | false = defaultValidatorCacheDir()) {}

  /** The validator of a schema: from the cache when there, else compiled with `ajv` and stored. */
  get(ajv: Ajv, schemaText: string): ValidateFunction {
    if (this.dir === false) {
      this.stats.compiled += 1;
      return ajv.compile(JSON.parse(schemaText) as object);
    }
    const file = path.join(this.dir, `${validatorDigest(schemaText)}.cjs`);
    let code: string | undefined;
    try {
      code = fs.readFileSync(file, 'utf8');
    } catch {
      code = undefined;
    }
    if (code !== undefined) {
      try {
        const validate = instantiate(code);
        this.stats.hits += 1;
        return validate;
      } catch {
        // A damaged cache entry: compile again and overwrite it.
      }
    }
    const compiled = ajv.compile(JSON.parse(schemaText) as object);
    this.stats.compiled += 1;
    const source = standaloneCode(ajv, compiled);
    try {
      writeFileAtomically(file, source);
    } catch {
      // A read-only or full cache folder only costs speed.
    }
    return compiled;
  }
}
