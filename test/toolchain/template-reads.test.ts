// The value reads of templates, from Go's template parser (toolchain/go/template-reads/):
// followed through variables, with, range, $ and named templates, and checked by the
// generator's consistency stage against the schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../core/format-diagnostic.ts';
import { buildChartFiles } from '../../generator/generate.ts';
import { TEMPLATES_DIR } from '../../generator/layout.ts';
import { readTemplateValues } from '../../toolchain/template-reads.ts';
import { REPO } from '../helpers/project.ts';

/** `path` for a whole read, `path?` for a test, each with its line. */
function readsOf(text: string, helpers = ''): string[] {
  const result = readTemplateValues([
    { name: 't.yaml', text },
    { name: '_helpers.tpl', text: helpers },
  ]);
  expect(result.errors).toEqual([]);
  return result.reads.map((r) => `${r.line}:${r.path.join('.')}${r.whole ? '' : '?'}`).sort();
}

describe.each([
  ['a plain read', '{{ .Values.a.b }}', '', ['1:a.b']],
  [
    'through a variable, only what is used',
    '{{ $t := .Values.mon.thresholds }}\n{{ $t.warn }}\n{{ $t.typo }}',
    '',
    ['2:mon.thresholds.warn', '3:mon.thresholds.typo'],
  ],
  ['a variable reassigned', '{{ $v := .Values.a }}{{ $v = .Values.b }}\n{{ $v.c }}', '', ['2:b.c']],
  ['with: the test, then reads below', '{{ with .Values.ing }}\n{{ .host }}\n{{ end }}', '', ['1:ing?', '2:ing.host']],
  ['with and a variable', '{{ with $i := .Values.ing }}{{ $i.tls.name }}{{ end }}', '', ['1:ing?', '1:ing.tls.name']],
  ['$ inside with and range', '{{ with .Values.x }}{{ $.Values.y }}{{ end }}{{ range .Values.l }}{{ $.Values.z }}{{ end }}', '', ['1:l', '1:x?', '1:y', '1:z']],
  ['range reads the list; elements are not values paths', '{{ range $h := .Values.hosts }}{{ $h.host }}{{ end }}', '', ['1:hosts']],
  ['if, and, not: tests', '{{ if and .Values.a.on (not .Values.b.off) }}x{{ end }}', '', ['1:a.on?', '1:b.off?']],
  ['functions use their arguments whole', '{{ toYaml .Values.res | nindent 2 }}{{ default "x" .Values.tag }}', '', ['1:res', '1:tag']],
  ['hasKey tests the key', '{{ if hasKey .Values.m "k" }}x{{ end }}', '', ['1:m.k?']],
  ['index with a constant key', '{{ index .Values.m "k" | quote }}', '', ['1:m.k']],
  ['include with the context', '{{ include "h" . }}', '{{ define "h" }}{{ .Values.fromHelper }}{{ end }}', ['1:fromHelper']],
  [
    'include with a list, taken apart with index',
    '{{ include "img" (list . .Values.renderer.image) }}',
    '{{ define "img" }}{{ $root := index . 0 }}{{ $i := index . 1 }}{{ $i.tag }}{{ $root.Values.reg }}{{ end }}',
    ['1:reg', '1:renderer.image.tag'],
  ],
  ['template with a values argument', '{{ template "t" .Values.db }}', '{{ define "t" }}{{ .host }}{{ end }}', ['1:db.host']],
  ['Helm and sprig functions parse', '{{ tpl (required "x" .Values.s) . | b64enc | trunc 63 }}{{ lookup "v1" "Secret" "ns" "n" }}', '', ['1:', '1:s', '1:s?']],
])('%s', (_name, text, helpers, expected) => {
  it('lists the reads', () => {
    expect(readsOf(text, helpers)).toEqual([...expected].sort());
  });
});

it('reports a template that does not parse, with its line', () => {
  const result = readTemplateValues([{ name: 'bad.yaml', text: 'a: 1\n{{ if .Values.x }\n' }]);
  expect(result.errors).toEqual([expect.objectContaining({ file: 'bad.yaml', line: 2 })]);
  expect(readTemplateValues([{ name: 'f.yaml', text: '{{ nosuchfunction .Values.x }}' }]).errors[0]?.message).toContain(
    'function "nosuchfunction" not defined',
  );
});

describe('the generator consistency stage', () => {
  it('catches a misspelt value read through a variable ($t := .Values.monitoring.thresholds, then $t.typo)', async () => {
    const templates = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-templates-'));
    fs.cpSync(TEMPLATES_DIR, templates, { recursive: true });
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'template-reads', 'typo-through-variable'), templates, { recursive: true });
    const built = await buildChartFiles(REPO, templates);
    expect(formatDiagnostics(built.diagnostics)).toBe(
      'generator/templates/chart/templates/alerts-typo.yaml:9:1: error [consistency/undeclared-value] .Values.monitoring.thresholds.typo is read by the template but not declared in schema/values.schema.yaml',
    );
  });

  it('finds the real chart clean', async () => {
    const built = await buildChartFiles(REPO);
    expect(built.diagnostics).toEqual([]);
    expect(built.files?.length).toBeGreaterThan(0);
  });
});
