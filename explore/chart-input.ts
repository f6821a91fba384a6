// The chart under exploration: a folder or a packaged chart (.tgz, unpacked to a scratch
// folder), with its values schema and default values.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { runProcess } from '../toolchain/run-process.ts';
import type { JsonSchema } from './json-schema.ts';

export interface ChartInput {
  /** The folder Helm renders (the unpacked archive for a .tgz). */
  readonly dir: string;
  readonly name: string;
  readonly schema: JsonSchema;
  readonly defaults: Record<string, unknown>;
  /** Removes the scratch folder of an unpacked archive. */
  dispose(): void;
}

export class ChartInputError extends Error {
  override readonly name = 'ChartInputError';
}

export async function loadChart(chart: string): Promise<ChartInput> {
  if (!fs.existsSync(chart)) throw new ChartInputError(`${chart}: no such chart folder or archive`);
  let dir = chart;
  let scratch: string | undefined;
  if (fs.statSync(chart).isFile()) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-explore-chart-'));
    const r = await runProcess('tar', ['-xzf', chart, '-C', scratch]);
    if (r.status !== 0) throw new ChartInputError(`${chart}: cannot unpack (${r.stderr.trim()})`);
    const top = fs.readdirSync(scratch).find((d) => fs.existsSync(path.join(scratch as string, d, 'Chart.yaml')));
    if (!top) throw new ChartInputError(`${chart}: no Chart.yaml inside the archive`);
    dir = path.join(scratch, top);
  }
  const dispose = () => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  };
  try {
    if (!fs.existsSync(path.join(dir, 'Chart.yaml'))) throw new ChartInputError(`${chart}: no Chart.yaml`);
    const schemaFile = path.join(dir, 'values.schema.json');
    if (!fs.existsSync(schemaFile)) throw new ChartInputError(`${chart}: no values.schema.json; explore needs a values schema to generate cases from`);
    let schema: JsonSchema;
    try {
      schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as JsonSchema;
    } catch (error) {
      throw new ChartInputError(`${schemaFile}: not valid JSON (${(error as Error).message})`);
    }
    const valuesFile = path.join(dir, 'values.yaml');
    // Helm decodes values as YAML 1.1 (Go's YAML decoder): `yes` is a boolean there.
    const defaults = fs.existsSync(valuesFile)
      ? ((parse(fs.readFileSync(valuesFile, 'utf8'), { version: '1.1' }) as Record<string, unknown> | null) ?? {})
      : {};
    const meta = parse(fs.readFileSync(path.join(dir, 'Chart.yaml'), 'utf8')) as { name?: string } | null;
    return { dir, name: meta?.name ?? path.basename(dir), schema, defaults, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
