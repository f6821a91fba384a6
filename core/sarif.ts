// SARIF 2.1.0, the part every bvchart report shares: the log with one run, the tool's driver,
// and physical locations. `bvchart validate -o sarif` and `bvchart explore -o sarif` fill in
// their own rules and results (validator/report/sarif-report.ts, explore/report/sarif-report.ts).

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/boardviewer/bvchart';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription?: { readonly text: string };
  readonly help?: { readonly text: string; readonly markdown?: string };
  readonly defaultConfiguration: { readonly level: SarifLevel };
}

export interface SarifPhysicalLocation {
  readonly artifactLocation: { readonly uri: string };
  readonly region?: { readonly startLine: number; readonly startColumn?: number };
}

/** A file as a SARIF artifact URI (forward slashes). */
export function sarifUri(file: string): string {
  return file.replace(/\\/g, '/');
}

/** A physical location: the file, and the line (and column) when known. */
export function sarifPhysicalLocation(file: string, line?: number, column?: number): SarifPhysicalLocation {
  return {
    artifactLocation: { uri: sarifUri(file) },
    ...(line !== undefined ? { region: { startLine: line, ...(column !== undefined ? { startColumn: column } : {}) } } : {}),
  };
}

export interface SarifRun {
  /** The driver's name: `bvchart`, `bvchart explore`. */
  readonly tool: string;
  readonly version: string;
  readonly rules: readonly SarifRule[];
  readonly results: readonly object[];
  readonly properties?: object;
}

/** The SARIF log of one run, as the text written to the report. */
export function sarifLog(run: SarifRun): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: run.tool, version: run.version, informationUri: INFORMATION_URI, rules: run.rules } },
        results: run.results,
        ...(run.properties ? { properties: run.properties } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
