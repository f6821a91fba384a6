// The published chart/values.schema.json is rich enough for editors: every property documented,
// examples that are themselves valid, patterns that accept what Kubernetes accepts and refuse
// common mistakes, `required` only where there is no default, closed objects, self-contained.
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../core/ajv.ts';
import { allProperties, loadPublishedSchema, type SchemaNode, schemaAt } from './published-schema.ts';

const SCHEMA = loadPublishedSchema();
const PROPERTIES = [...allProperties(SCHEMA)];
const ajv = createAjv();
// A subschema's `$ref`s point at the carried definitions, which live at the root.
const accepts = (schema: SchemaNode, value: unknown) => ajv.validate({ ...schema, definitions: SCHEMA.definitions }, value);

describe('published values schema, for editors', () => {
  it('documents every property (description, and markdownDescription only next to one)', () => {
    expect(PROPERTIES.length).toBeGreaterThan(150);
    const undocumented = PROPERTIES.filter((p) => !p.schema.description?.trim()).map((p) => p.keyPath);
    expect(undocumented).toEqual([]);
    const markdown = PROPERTIES.filter((p) => p.schema.markdownDescription !== undefined);
    expect(markdown.length).toBeGreaterThanOrEqual(3);
    for (const p of markdown) expect(p.schema.markdownDescription?.trim(), p.keyPath).not.toBe('');
  });

  it('gives examples that its own rules accept', () => {
    const withExamples = PROPERTIES.filter((p) => p.schema.examples !== undefined);
    expect(withExamples.length).toBeGreaterThanOrEqual(30);
    for (const p of withExamples) {
      expect(Array.isArray(p.schema.examples), p.keyPath).toBe(true);
      for (const example of p.schema.examples ?? []) expect(accepts(p.schema, example), `${p.keyPath}: ${JSON.stringify(example)}`).toBe(true);
    }
  });

  it('requires only keys that have no default, so partial override files are valid', () => {
    const nodes: { keyPath: string; schema: SchemaNode }[] = [{ keyPath: '(root)', schema: SCHEMA }, ...PROPERTIES];
    for (const { keyPath, schema } of nodes) {
      for (const key of schema.required ?? []) expect(schema.properties?.[key]?.default, `${keyPath}.${key}`).toBeUndefined();
      for (const item of schema.items ? [schema.items] : []) {
        for (const key of item.required ?? []) expect(item.properties?.[key]?.default, `${keyPath}[].${key}`).toBeUndefined();
      }
    }
    expect(accepts(SCHEMA, {})).toBe(true);
    expect(accepts(SCHEMA, { image: { tag: '4.2.1' } })).toBe(true);
  });

  it('closes every object that declares its keys, and is self-contained', () => {
    const open = [{ keyPath: '(root)', schema: SCHEMA }, ...PROPERTIES]
      .flatMap((p) => [p, ...(p.schema.items ? [{ keyPath: `${p.keyPath}[]`, schema: p.schema.items }] : [])])
      .filter((p) => p.schema.properties && p.schema.additionalProperties !== false)
      .map((p) => p.keyPath);
    // `global` declares the keys this chart reads and stays open for a parent chart's others.
    expect(open).toEqual(['global']);
    const text = JSON.stringify(SCHEMA);
    expect(text).not.toContain('"$id"');
    // Self-contained: every $ref names a definition carried in the file.
    const refs = [...text.matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/definitions\//);
      expect(SCHEMA.definitions?.[ref.slice('#/definitions/'.length)], ref).toBeDefined();
    }
    // The carried Kubernetes definitions are closed too (kubeconform's strict mode). Constraint
    // fragments (if/then/not/allOf, from generator/kubernetes/tightenings.ts) refine an object
    // declared, and closed, where they sit: they are not declarations of their own.
    const openDefinitions: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}/${i}`));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      const node = value as SchemaNode;
      if (node.properties && typeof node.properties === 'object' && node.additionalProperties !== false) openDefinitions.push(where);
      for (const [key, child] of Object.entries(value)) {
        if (['if', 'then', 'else', 'not', 'allOf'].includes(key)) continue;
        if (key === 'properties' && typeof child === 'object' && child !== null) {
          for (const [name, property] of Object.entries(child)) walk(property, `${where}/properties/${name}`);
        } else walk(child, `${where}/${key}`);
      }
    };
    walk(SCHEMA.definitions, '#/definitions');
    expect(openDefinitions).toEqual([]);
  });

  // What editors flag while typing: each row's rule accepts the good values and refuses the bad.
  it.each([
    // Kubernetes quantities
    { keyPath: 'persistence.size', good: ['50Gi', '1Ti', '500G', '1.5Gi'], bad: ['50GB', '50 Gi', 'Gi', '-1Gi'] },
    { keyPath: 'redis.cluster.persistence.size', good: ['8Gi'], bad: ['8gb'] },
    { keyPath: 'renderer.outputSizeLimit', good: ['2Gi', '512Mi'], bad: ['2 GiB'] },
    { keyPath: 'resources.requests.cpu', good: ['500m', '1', '0.5', 2], bad: ['500mc', '2 cores'] },
    { keyPath: 'resources.limits.cpu', good: ['2', '1500m'], bad: ['2cpu'] },
    { keyPath: 'resources.limits.memory', good: ['2Gi', '768Mi'], bad: ['2GB', '2 Gi'] },
    // cron expressions
    {
      keyPath: 'backup.schedule',
      good: ['0 3 * * *', '*/15 0-6 1,15 JAN-MAR MON-FRI', '@daily'],
      bad: ['03:00 * * * *', '0 3 * *', '0 3 * * * *', 'every day at 3', '@sometimes'],
    },
    { keyPath: 'chaosDrill.schedule', good: ['0 4 1 * *', '0 4 * * MON'], bad: ['04:00 on the 1st', '0 4 1 *'] },
    // DNS names
    {
      keyPath: 'ingress.hosts[0].host',
      good: ['boards.example.com', '*.boards.example.com', 'localhost'],
      bad: ['Boards.example.com', 'boards_example.com', 'boards..example.com', '-boards.example.com', 'https://boards.example.com'],
    },
    { keyPath: 'storageClass.name', good: ['boardviewer-sc', 'gp3.encrypted'], bad: ['GP3', 'gp3_encrypted', 'gp3.'] },
    { keyPath: 'clusterDomain', good: ['cluster.local'], bad: ['cluster..local', 'Cluster.Local'] },
    { keyPath: 'backup.veleroNamespace', good: ['velero'], bad: ['velero.system', 'velero_system', 'Velero', 'a'.repeat(64)] },
    { keyPath: 'networkPolicy.ingressControllerNamespace', good: ['ingress-nginx'], bad: ['ingress_nginx'] },
    { keyPath: 'database.existingSecret', good: ['boardviewer-aurora'], bad: ['', 'Aurora Secret'] },
    { keyPath: 'ingress.tls.clusterIssuer', good: ['', 'letsencrypt-prod'], bad: ['LetsEncrypt'] },
    { keyPath: 'storageClass.provisioner', good: ['ebs.csi.aws.com', 'pd.csi.storage.gke.io', 'kubernetes.io/aws-ebs'], bad: ['EBS', 'ebs csi'] },
    // image tags
    {
      keyPath: 'image.tag',
      good: ['', '4.2.0', '4.2.0-rc.1', 'v4_2'],
      bad: ['latest', 'ghcr.io/boardviewer/boardviewer:4.2.1', '4.2.0 ', '.hidden', 'a'.repeat(129)],
    },
    { keyPath: 'renderer.image.tag', good: ['', '4.2.0'], bad: ['latest', 'renderer:4.2.0'] },
    { keyPath: 'redis.cluster.image.tag', good: ['7.4.2', '7.4-alpine'], bad: ['', 'latest', '7.4.2@sha256'] },
    { keyPath: 'kubectlImage.tag', good: ['1.33.1'], bad: ['', 'latest'] },
    { keyPath: 'volumeMarkerImage.tag', good: ['1.37.0'], bad: ['', 'latest'] },
  ])('$keyPath: accepts $good, refuses $bad', ({ keyPath, good, bad }) => {
    const schema = schemaAt(SCHEMA, keyPath);
    expect(schema.pattern ?? schema.format, 'has a pattern or format').toBeDefined();
    expect(schema.examples?.length ?? 0, 'has examples').toBeGreaterThan(0);
    for (const value of good) expect(accepts(schema, value), `accepts ${JSON.stringify(value)}`).toBe(true);
    for (const value of bad) expect(accepts(schema, value), `refuses ${JSON.stringify(value)}`).toBe(false);
  });
});
