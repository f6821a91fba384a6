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
import vm from 'node:vm';
import type { Ajv, ValidateFunction } from 'ajv';
import ajvPackage from 'ajv/package.json' with { type: 'json' };
import { bvchartCacheDir } from '../../core/cache-dir.ts';
import { ajvStandaloneLibrary } from '../../core/load-on-demand.ts';
import { writeFileAtomically } from '../../core/write-file-atomically.ts';
import { KUBE_AJV_FINGERPRINT, RE2_REGEXP_NAME, re2Compatible } from './kube-ajv.ts';
import { SHARE_SUBSCHEMAS_VERSION, shareRepeatedSubschemas } from './share-subschemas.ts';

type StandaloneCode = (ajv: Ajv, validate: ValidateFunction) => string;
/** Ajv's standalone generator, loaded only when a validator is compiled (a cache miss). */
function standaloneCode(ajv: Ajv, validate: ValidateFunction): string {
  const generator = ajvStandaloneLibrary() as unknown as StandaloneCode & { default?: StandaloneCode };
  return (generator.default ?? generator)(ajv, validate);
}

/** Bumped when the cached module's shape changes. */
const CACHE_FORMAT = '1';

/** The generated code requires Ajv's runtime helpers (`ajv/dist/runtime/...`): resolve them from here. */
const requireFromHere = createRequire(import.meta.url);

export function defaultValidatorCacheDir(): string {
  return bvchartCacheDir('validators');
}

/** The digest naming a schema's compiled validator. */
export function validatorDigest(schemaText: string): string {
  return createHash('sha256')
    .update(`bvchart-validator ${CACHE_FORMAT} ajv ${ajvPackage.version} ${KUBE_AJV_FINGERPRINT} shared ${SHARE_SUBSCHEMAS_VERSION}\n`)
    .update(schemaText)
    .digest('hex');
}

/** How the cached CommonJS code is wrapped to run with our `require` and RE2 translation. */
const WRAPPER_HEAD = `(function (require, module, exports, ${RE2_REGEXP_NAME}) {`;
const WRAPPER_TAIL = '\n})';

type Factory = (require: NodeJS.Require, module: { exports: unknown }, exports: unknown, regExp: typeof re2Compatible) => void;

interface Instantiated {
  readonly validate: ValidateFunction;
  readonly script: vm.Script;
  /** V8 took the compiled code from the code cache (no parsing or compiling of the source). */
  readonly fromCodeCache: boolean;
}

/**
 * Turns standalone code into a validate function (the code is CommonJS, run with our require).
 * With `codeCache` (V8's serialized bytecode of a previous process), V8 skips parsing and
 * compiling the code, which for a workload kind (about 2 MB of generated code) was most of
 * the cost of loading it.
 */
function instantiate(code: string, filename: string, codeCache: Buffer | undefined): Instantiated {
  const script = new vm.Script(`${WRAPPER_HEAD}${code}${WRAPPER_TAIL}`, { filename, ...(codeCache ? { cachedData: codeCache } : {}) });
  const factory = script.runInThisContext() as Factory;
  const module = { exports: {} as unknown };
  factory(requireFromHere, module, module.exports, re2Compatible);
  return { validate: module.exports as ValidateFunction, script, fromCodeCache: codeCache !== undefined && !script.cachedDataRejected };
}

/**
 * Where V8's code cache of a validator lives: beside its code, per V8 version (a cache from
 * another Node is rejected by V8 anyway; naming it by version lets Node 20 and 24 share a folder).
 */
function codeCacheFile(codeFile: string): string {
  return `${codeFile}.v8-${process.versions.v8}.cache`;
}

/**
 * Writes V8's code cache of a validator after compiling its function: validating an empty
 * object makes V8 compile the validate function (functions compile lazily, on first call),
 * so the cache holds its bytecode, not only the wrapper's.
 */
function storeCodeCache(instantiated: Instantiated, file: string): void {
  instantiated.validate({});
  instantiated.validate.errors = null;
  writeFileAtomically(file, instantiated.script.createCachedData());
}

export interface ValidatorCacheStats {
  /** Validators loaded from the cache. */
  hits: number;
  /** Validators compiled (and written to the cache). */
  compiled: number;
  /** Hits whose compiled code V8 took from its code cache (no parse, no compile). */
  codeCacheHits: number;
}

export class ValidatorCache {
  readonly stats: ValidatorCacheStats = { hits: 0, compiled: 0, codeCacheHits: 0 };

  /** `dir` false: compile in memory only, read and write nothing. */
  constructor(private readonly dir: string | false = defaultValidatorCacheDir()) {}

  /**
   * The validator of a schema: from the cache when there, else compiled with the Ajv `ajv()`
   * returns (built only then) and stored.
   */
  get(ajv: () => Ajv, schemaText: string): ValidateFunction {
    if (this.dir === false) {
      this.stats.compiled += 1;
      return compileSchema(ajv(), schemaText);
    }
    const file = path.join(this.dir, `${validatorDigest(schemaText)}.cjs`);
    const code = readIfThere(file, 'utf8');
    if (code !== undefined) {
      const cacheFile = codeCacheFile(file);
      try {
        const instantiated = instantiate(code, file, readIfThere(cacheFile));
        this.stats.hits += 1;
        if (instantiated.fromCodeCache) this.stats.codeCacheHits += 1;
        else tryTo(() => storeCodeCache(instantiated, cacheFile));
        return instantiated.validate;
      } catch {
        // A damaged cache entry: compile again and overwrite it.
      }
    }
    const compiler = ajv();
    const compiled = compileSchema(compiler, schemaText);
    this.stats.compiled += 1;
    tryTo(() => writeFileAtomically(file, standaloneCode(compiler, compiled)));
    return compiled;
  }
}

/** Compiles a schema's text, its repeated subschemas shared (one function each, not a copy per use). */
function compileSchema(ajv: Ajv, schemaText: string): ValidateFunction {
  return ajv.compile(shareRepeatedSubschemas(JSON.parse(schemaText)) as object);
}

function readIfThere(file: string): Buffer | undefined;
function readIfThere(file: string, encoding: 'utf8'): string | undefined;
function readIfThere(file: string, encoding?: 'utf8'): Buffer | string | undefined {
  try {
    return encoding ? fs.readFileSync(file, encoding) : fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A read-only or full cache folder only costs speed. */
function tryTo(write: () => void): void {
  try {
    write();
  } catch {
    // nothing lost but time
  }
}
