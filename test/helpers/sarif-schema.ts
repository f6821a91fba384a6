// The SARIF 2.1.0 schema (OASIS, as shipped in @microsoft/jest-sarif) compiled once, so every
// SARIF report is checked against the format's own definition, not our reading of it.
import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../../core/ajv.ts';
import { REPO } from './project.ts';

let compiled: ValidateFunction | undefined;

export function sarifValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // The schema is draft-04; it uses no keyword whose meaning changed by draft-07.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  compiled = createAjv({ unicodeRegExp: false }).compile(schema); // one of its patterns is not valid with the u flag
  return compiled;
}
