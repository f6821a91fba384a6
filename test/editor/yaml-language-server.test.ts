// The real yaml-language-server (node_modules, over LSP stdio) against our published schema,
// reached the way an editor reaches it: through the `# yaml-language-server: $schema=...`
// modeline of files on disk, resolved from where each file sits. Completion offers a nested
// object's keys with their descriptions (and defaults), hover shows a key's description,
// examples and allowed values, mistakes are flagged on their line, and valid partial override
// files are clean. The server gets no network: schema store and CRD store are off and any
// HTTP request goes to a closed local port (and would show up as a diagnostic).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, LspClient, type LspDiagnostic, markupText } from '../helpers/lsp-client.ts';
import { REPO } from '../helpers/project.ts';
import { CHART } from '../helpers/scenarios.ts';
import { loadInvalidValuesCases, positionOfKeyPath } from '../values/invalid-fixtures.ts';
import { editorDocumentation, loadPublishedSchema, normalize, SCHEMA_FILE, schemaAt } from './published-schema.ts';

const SERVER_BIN = fs.realpathSync(path.join(REPO, 'node_modules', '.bin', 'yaml-language-server'));
const VALUES_DIR = path.join(REPO, 'values');
const SCHEMA = loadPublishedSchema();
const MODELINE = /^# yaml-language-server: \$schema=(\S+)$/;

/** The example values files (partial overrides) and the chart's own values.yaml. */
const VALID_FILES = [
  ...fs
    .readdirSync(VALUES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(VALUES_DIR, f)),
  path.join(CHART, 'values.yaml'),
];

/** An unsaved editor buffer in values/: its modeline is the one the example files carry. */
const BUFFER_MODELINE = '# yaml-language-server: $schema=../chart/values.schema.json';
const bufferUri = (name: string) => fileUri(path.join(VALUES_DIR, `__editor-buffer-${name}.yaml`));

let server: LspClient;

beforeAll(async () => {
  server = await LspClient.start({
    command: process.execPath,
    args: [SERVER_BIN, '--stdio'],
    cwd: REPO,
    rootDir: REPO,
    requestTimeoutMs: 8_000,
    settings: {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
      },
      // Nothing may be fetched: route any HTTP(S) request to a closed port so it fails at once.
      http: { proxy: 'http://127.0.0.1:9', proxyStrictSSL: true },
    },
  });
}, 15_000);

afterAll(async () => {
  await server?.stop();
}, 10_000);

const show = (diagnostics: readonly LspDiagnostic[]) =>
  diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n');

describe('modelines', () => {
  it.each([...VALID_FILES, ...loadInvalidValuesCases().map((c) => c.file)].map((f) => path.relative(REPO, f)))(
    '%s starts with a modeline that resolves to chart/values.schema.json',
    (rel) => {
      const first = fs.readFileSync(path.join(REPO, rel), 'utf8').split('\n')[0] ?? '';
      const match = MODELINE.exec(first);
      expect(match, first).not.toBeNull();
      expect(path.resolve(path.dirname(path.join(REPO, rel)), match?.[1] ?? '')).toBe(SCHEMA_FILE);
    },
  );
});

describe('yaml-language-server with the chart schema', { timeout: 15_000 }, () => {
  it('reports nothing for the example values files (partial overrides) and values.yaml, and hovers from the chart schema', async () => {
    const results = await Promise.all(
      VALID_FILES.map(async (file) => {
        const text = fs.readFileSync(file, 'utf8');
        const uri = fileUri(file);
        const diagnostics = await server.open(uri, text);
        // The schema really applies: without it there would be no diagnostics either.
        const firstKey = Object.keys(SCHEMA.properties ?? {}).find((k) => new RegExp(`^${k}:`, 'm').test(text)) ?? '';
        const at = positionOfKeyPath(text, firstKey);
        const hover = await server.hover(uri, { line: at.line - 1, character: at.column });
        return { file: path.relative(REPO, file), diagnostics, firstKey, hover: markupText(hover?.contents) };
      }),
    );
    for (const r of results) {
      expect(show(r.diagnostics), r.file).toBe('');
      expect(r.firstKey, r.file).not.toBe('');
      expect(editorDocumentation(schemaAt(SCHEMA, r.firstKey)), `${r.firstKey} is documented`).not.toBe('');
      expect(normalize(r.hover), `${r.file}: hover on ${r.firstKey}`).toContain(normalize(editorDocumentation(schemaAt(SCHEMA, r.firstKey))));
      expect(r.hover, r.file).toContain(`(${fileUri(SCHEMA_FILE)})`);
    }
  });

  it('reports nothing for a small partial override typed in an editor', async () => {
    const text = `${BUFFER_MODELINE}\nimage:\n  tag: "4.2.1"\npersistence:\n  size: 200Gi\ningress:\n  hosts:\n    - host: boards.example.net\n`;
    expect(show(await server.open(bufferUri('partial'), text))).toBe('');
  });

  // Completion on an empty line inside a nested object: that object's keys, documented; then on
  // each scalar key's value: its default (marked as such) and its examples.
  it.each(['persistence', 'persistence.retentionPolicy', 'image', 'ingress.tls', 'redis.cluster.persistence', 'monitoring.thresholds', 'backup'])(
    'completion inside %s offers its keys with their descriptions, then their defaults and examples',
    async (objectPath) => {
      const segments = objectPath.split('.');
      const parents = segments.map((s, i) => `${'  '.repeat(i)}${s}:`);
      const indent = '  '.repeat(segments.length);
      const uri = bufferUri(`completion-${objectPath}`);
      await server.open(uri, `${[BUFFER_MODELINE, ...parents, indent].join('\n')}\n`);
      const list = await server.completion(uri, { line: parents.length + 1, character: indent.length });
      const keys = Object.keys(schemaAt(SCHEMA, objectPath).properties ?? {});
      expect(list.items.map((i) => i.label).sort()).toEqual([...keys].sort());
      for (const item of list.items) {
        const documentation = normalize(markupText(item.documentation));
        expect(documentation, item.label).not.toBe('');
        expect(documentation, item.label).toBe(normalize(editorDocumentation(schemaAt(SCHEMA, `${objectPath}.${item.label}`))));
        expect(item.insertText ?? item.textEdit?.newText, item.label).toMatch(new RegExp(`^${item.label}:`));
      }

      const scalars = keys.filter((k) => !schemaAt(SCHEMA, `${objectPath}.${k}`).properties && !schemaAt(SCHEMA, `${objectPath}.${k}`).items);
      const valueLines = scalars.map((k) => `${indent}${k}: `);
      await server.open(uri, `${[BUFFER_MODELINE, ...parents, ...valueLines].join('\n')}\n`);
      for (const [index, key] of scalars.entries()) {
        const schema = schemaAt(SCHEMA, `${objectPath}.${key}`);
        const line = valueLines[index] ?? '';
        const values = await server.completion(uri, { line: parents.length + 1 + index, character: line.length });
        // Labels are shortened and quoted for display; what gets inserted is the value itself.
        const inserted = values.items.map((i) => i.insertText ?? i.textEdit?.newText ?? '');
        const byDefault = values.items.filter((i) => i.detail === 'Default value');
        if (schema.default === undefined) expect(byDefault, key).toEqual([]);
        else if (typeof schema.default === 'object')
          expect(
            byDefault.map((i) => i.label),
            key,
          ).toEqual(['Default value']);
        else
          expect(
            byDefault.map((i) => i.label),
            key,
          ).toEqual([schema.default === '' ? '""' : String(schema.default)]);
        for (const example of [...(schema.examples ?? []), ...(schema.enum ?? [])]) {
          expect(
            inserted.some((t) => t.includes(String(example))),
            `${key}: ${String(example)} in ${inserted.join(' | ')}`,
          ).toBe(true);
        }
      }
    },
  );

  // Knobs typed with the Kubernetes definitions carried in the schema (issue 9): inside a list
  // item the editor offers the Kubernetes object's own fields, documented.
  it.each([
    ['extraVolumes', ['name', 'emptyDir', 'configMap', 'secret', 'persistentVolumeClaim', 'projected', 'csi']],
    ['sidecars', ['name', 'image', 'imagePullPolicy', 'resources', 'securityContext', 'volumeMounts', 'readinessProbe']],
    ['initContainers', ['command', 'args', 'env', 'envFrom']],
  ])('completion inside an item of %s offers the Kubernetes object fields with their descriptions', async (key, expected) => {
    const uri = bufferUri(`k8s-${key}`);
    await server.open(uri, `${BUFFER_MODELINE}\n${key}:\n  - name: x\n    \n`);
    const list = await server.completion(uri, { line: 3, character: 4 });
    const labels = list.items.map((i) => i.label);
    for (const field of expected.filter((f) => f !== 'name')) expect(labels, labels.join(' ')).toContain(field);
    const definition = key === 'extraVolumes' ? 'io.k8s.api.core.v1.Volume' : 'io.k8s.api.core.v1.Container';
    const properties = (SCHEMA.definitions?.[definition]?.properties ?? {}) as Record<string, { description?: string }>;
    for (const item of list.items.filter((i) => expected.includes(i.label))) {
      const documented = normalize(markupText(item.documentation));
      expect(documented, item.label).not.toBe('');
      expect(documented, item.label).toContain(normalize(properties[item.label]?.description ?? '(undocumented)'));
    }
  });

  it('completes a Pod-spec field nested inside a sidecar (resources.limits of a Container)', async () => {
    const uri = bufferUri('k8s-nested');
    await server.open(uri, `${BUFFER_MODELINE}\nsidecars:\n  - name: x\n    resources:\n      \n`);
    const list = await server.completion(uri, { line: 4, character: 6 });
    expect(list.items.map((i) => i.label).sort()).toEqual(expect.arrayContaining(['limits', 'requests']));
  });

  // Hover on keys of a real values file: its description (Markdown one if any), examples, enum.
  it.each([
    ['values/production-aws.yaml', 'image.tag'],
    ['values/production-aws.yaml', 'podManagementPolicy'],
    ['values/production-aws.yaml', 'persistence.size'],
    ['values/production-aws.yaml', 'storageClass.provisioner'],
    ['values/production-aws.yaml', 'resources.limits.cpu'],
    ['values/production-aws.yaml', 'ingress.hosts[0].host'],
    ['values/production-aws.yaml', 'placement.zoneSpread'],
    ['values/ingress-tls.yaml', 'ingress.tls.secretName'],
  ])('hover on %s %s shows its description, default, examples and allowed values', async (rel, keyPath) => {
    const file = path.join(REPO, rel);
    const text = fs.readFileSync(file, 'utf8');
    const uri = fileUri(file);
    await server.open(uri, text);
    const at = positionOfKeyPath(text, keyPath);
    // One character into the key: at its very first column the server may answer for the node before.
    const hover = markupText((await server.hover(uri, { line: at.line - 1, character: at.column }))?.contents);
    const schema = schemaAt(SCHEMA, keyPath);
    expect(editorDocumentation(schema), 'the schema documents it').not.toBe('');
    expect(normalize(hover)).toContain(normalize(editorDocumentation(schema)));
    for (const example of schema.examples ?? []) expect(hover).toContain(String(example));
    for (const value of schema.enum ?? []) expect(hover).toContain(`\`${String(value)}\``);
    // List items have no default of their own; every other key shows its default.
    if (!keyPath.includes('[')) expect(hover).toContain(`Default: \`${JSON.stringify(schema.default)}\``);
  });

  // Every bad file of values/invalid/ is flagged, on the line of the offending key only.
  it.each(loadInvalidValuesCases())('flags values/invalid/$name on line $line ($keyPath)', async (c) => {
    const diagnostics = await server.open(fileUri(c.file), c.text);
    expect(diagnostics.length, 'flagged').toBeGreaterThan(0);
    expect(
      diagnostics.map((d) => d.range.start.line + 1),
      show(diagnostics),
    ).toEqual(diagnostics.map(() => c.line));
    if (c.name === 'misspelt-key.yaml') expect(show(diagnostics)).toMatch(/Property sise is not allowed/);
    if (c.name === 'wrong-type.yaml') expect(show(diagnostics)).toMatch(/Incorrect type\. Expected "integer"/);
    if (c.name === 'misspelt-volume-field.yaml') expect(show(diagnostics)).toMatch(/Property emptyDri is not allowed/);
  });
});
