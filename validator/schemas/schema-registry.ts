// Finds, loads and compiles the schema of each resource kind, lazily and once: the first
// location (in the order given) that has a schema for the kind wins, as in kubeconform.
// Compiled validators come from the on-disk cache when a previous run compiled that schema.
import type { Ajv, ValidateFunction } from 'ajv';
import { createKubeAjv } from './kube-ajv.ts';
import { expandLocation, normalizeKubernetesVersion, templateVariables } from './schema-location.ts';
import { createSchemaSource, type SchemaText } from './schema-source.ts';
import { ValidatorCache } from './validator-cache.ts';

export interface SchemaRegistryOptions {
  readonly kubernetesVersion: string;
  readonly schemaLocations: readonly string[];
  readonly strict: boolean;
  readonly source?: (location: string) => Promise<SchemaText>;
  /** Compiled validators by schema digest (default: ~/.cache/bvchart/validators). */
  readonly validatorCache?: ValidatorCache;
}

export type SchemaLookup =
  | { readonly kind: 'found'; readonly validate: ValidateFunction; readonly location: string }
  | { readonly kind: 'missing'; readonly tried: readonly string[] }
  | { readonly kind: 'broken'; readonly location: string; readonly reason: string };

export class SchemaRegistry {
  /** Built on the first cache miss: a run whose validators are all cached never loads Ajv's compiler. */
  private ajvInstance: Ajv | undefined;
  private readonly byKind = new Map<string, Promise<SchemaLookup>>();
  private readonly source: (location: string) => Promise<SchemaText>;
  private readonly kubernetesVersion: string;
  private readonly validators: ValidatorCache;
  /** Milliseconds spent compiling schemas (the cold cost). */
  compileMs = 0;

  constructor(private readonly options: SchemaRegistryOptions) {
    this.source = options.source ?? createSchemaSource();
    this.kubernetesVersion = normalizeKubernetesVersion(options.kubernetesVersion);
    this.validators = options.validatorCache ?? new ValidatorCache();
  }

  lookup(kind: string, apiVersion: string): Promise<SchemaLookup> {
    const key = `${apiVersion}/${kind}`;
    let found = this.byKind.get(key);
    if (!found) {
      found = this.load(kind, apiVersion);
      this.byKind.set(key, found);
    }
    return found;
  }

  private async load(kind: string, apiVersion: string): Promise<SchemaLookup> {
    const variables = templateVariables(kind, apiVersion, this.kubernetesVersion, this.options.strict);
    const tried: string[] = [];
    for (const location of this.options.schemaLocations) {
      const resolved = expandLocation(location, variables);
      tried.push(resolved);
      let text: SchemaText;
      try {
        text = await this.source(resolved);
      } catch (error) {
        return { kind: 'broken', location: resolved, reason: (error as Error).message };
      }
      if (!text.found) continue;
      try {
        const started = performance.now();
        const validate = this.validators.get(() => {
          this.ajvInstance ??= createKubeAjv();
          return this.ajvInstance;
        }, text.text);
        this.compileMs += performance.now() - started;
        return { kind: 'found', validate, location: resolved };
      } catch (error) {
        return { kind: 'broken', location: resolved, reason: `could not compile: ${(error as Error).message}` };
      }
    }
    return { kind: 'missing', tried };
  }
}
