// Libraries a command may not need, loaded the first time they are used instead of at start-up.
// `bvchart validate` on plain manifests usually needs neither: the `yaml` syntax tree only
// for documents the fast decoders decline and for positions of findings, and Ajv's compiler
// only when a schema's validator is not in the on-disk cache yet. Loading both cost about
// 100 ms of every cold run. Both packages are CommonJS under Node's `node` condition, so
// `require` gives the same module instance an `import` would.
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

type YamlLibrary = typeof import('yaml');
type AjvLibrary = typeof import('ajv');
type AjvFormatsLibrary = typeof import('ajv-formats');
type AjvStandaloneLibrary = typeof import('ajv/dist/standalone/index.js');

let yamlModule: YamlLibrary | undefined;
let ajvModule: AjvLibrary | undefined;
let ajvFormatsModule: AjvFormatsLibrary | undefined;
let ajvStandaloneModule: AjvStandaloneLibrary | undefined;

/** The `yaml` package. */
export function yaml(): YamlLibrary {
  yamlModule ??= requireHere('yaml') as YamlLibrary;
  return yamlModule;
}

/** The `ajv` package (its compiler). */
export function ajvLibrary(): AjvLibrary {
  ajvModule ??= requireHere('ajv') as AjvLibrary;
  return ajvModule;
}

/** The `ajv-formats` package. */
export function ajvFormatsLibrary(): AjvFormatsLibrary {
  ajvFormatsModule ??= requireHere('ajv-formats') as AjvFormatsLibrary;
  return ajvFormatsModule;
}

/** Ajv's standalone code generator. */
export function ajvStandaloneLibrary(): AjvStandaloneLibrary {
  ajvStandaloneModule ??= requireHere('ajv/dist/standalone/index.js') as AjvStandaloneLibrary;
  return ajvStandaloneModule;
}
