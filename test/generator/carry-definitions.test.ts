// The carry stage against the real upstream definitions (../shared/kubernetes-schemas, Kubernetes
// 1.29.0): the transitive closure of what is referenced, made strict like kubeconform's strict
// schemas, and checked by Ajv the way Helm checks values.
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../core/ajv.ts';
import { carryDefinitions, firstSentence, strictDefinition } from '../../generator/kubernetes/carry-definitions.ts';
import { loadDefinitionsSource } from '../../generator/kubernetes/definitions-source.ts';
import { REPO } from '../helpers/project.ts';

const source = loadDefinitionsSource(REPO).source;
const itemsOf = (name: string) => ({ type: 'object', properties: { list: { type: 'array', items: { $ref: `#/definitions/${name}` } } } });

describe('carrying Kubernetes definitions', () => {
  it('reads the shared upstream definitions of Kubernetes 1.29.0', () => {
    expect(source?.origin).toBe('shared');
    expect(source?.kubernetesVersion).toBe('1.29.0');
    expect(source?.definitions.size).toBeGreaterThan(500);
  });

  it.each([
    ['io.k8s.api.core.v1.Toleration', ['io.k8s.api.core.v1.Toleration']],
    ['io.k8s.api.core.v1.VolumeMount', ['io.k8s.api.core.v1.VolumeMount']],
    [
      'io.k8s.api.core.v1.EnvVar',
      ['io.k8s.api.core.v1.EnvVar', 'io.k8s.api.core.v1.EnvVarSource', 'io.k8s.api.core.v1.SecretKeySelector', 'io.k8s.apimachinery.pkg.api.resource.Quantity'],
    ],
  ])('carries %s with what it reaches and nothing else', (root, expected) => {
    const carried = carryDefinitions(itemsOf(root), 'values.schema.yaml', source!).carried!;
    const names = Object.keys(carried.definitions);
    for (const name of expected) expect(names).toContain(name);
    if (root === 'io.k8s.api.core.v1.Toleration') expect(names).toEqual(expected);
    expect(names).not.toContain('io.k8s.api.core.v1.Pod');
  });

  it('closes every object with properties, drops x-kubernetes-* and keeps the first sentence of descriptions', () => {
    const carried = carryDefinitions(itemsOf('io.k8s.api.core.v1.Volume'), 'values.schema.yaml', source!).carried!;
    const text = JSON.stringify(carried.definitions);
    expect(text).not.toMatch(/"x-kubernetes-/);
    JSON.stringify(carried.definitions, (_key: string, value: unknown) => {
      if (typeof value === 'object' && value !== null && 'properties' in value && !('enum' in value)) {
        expect((value as { additionalProperties?: unknown }).additionalProperties).toBe(false);
      }
      return value;
    });
    expect(carried.definitions['io.k8s.api.core.v1.Volume']?.description).toBe(
      'Volume represents a named volume in a pod that may be accessed by any container in the pod.',
    );
  });

  it('makes Ajv (draft-07, like Helm) reject a misspelt volume field and accept a correct one', () => {
    const schema = itemsOf('io.k8s.api.core.v1.Volume');
    const carried = carryDefinitions(schema, 'values.schema.yaml', source!).carried!;
    const validate = createAjv().compile({ ...schema, definitions: carried.definitions });
    expect(validate({ list: [{ name: 'x', emptyDir: { sizeLimit: '1Gi' } }] })).toBe(true);
    expect(validate({ list: [{ name: 'x', emptyDri: {} }] })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/list/0', params: { additionalProperty: 'emptyDri' } });
  });

  it('reports a name the definitions do not have, at its $ref', () => {
    const result = carryDefinitions(itemsOf('io.k8s.api.core.v1.Volumee'), 'values.schema.yaml', source!);
    expect(result.carried).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ code: 'schema/kubernetes-ref', pointer: '/properties/list/items/$ref' }]);
  });

  it.each([
    ['Image pull policy. One of Always, Never, IfNotPresent.', 'Image pull policy.'],
    ['A list of hosts, e.g. the peers.\n\nMore info: https://example.com', 'A list of hosts, e.g. the peers.'],
    ['No full stop', 'No full stop'],
  ])('cuts %j to its first sentence', (text, expected) => {
    expect(firstSentence(text)).toBe(expected);
  });

  it('is idempotent: carried definitions stay as they are', () => {
    const carried = carryDefinitions(itemsOf('io.k8s.api.core.v1.Container'), 'values.schema.yaml', source!).carried!;
    expect(strictDefinition(carried.definitions)).toEqual(carried.definitions);
  });
});
