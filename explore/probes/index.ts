// The probe builders, one per JSON Schema keyword family, in the order their probes are tried.
import { arrayProbes } from './array-probes.ts';
import { booleanProbes } from './boolean-probes.ts';
import { enumProbes } from './enum-probes.ts';
import { formatProbes } from './format-probes.ts';
import { lengthProbes } from './length-probes.ts';
import { mapProbes } from './map-probes.ts';
import { numberProbes } from './number-probes.ts';
import { patternProbes } from './pattern-probes.ts';
import type { ProbeBuilder } from './probe.ts';
import { stringProbes } from './string-probes.ts';
import { typeProbes } from './type-probes.ts';

export const PROBE_BUILDERS: readonly ProbeBuilder[] = [
  enumProbes, // every member, one non-member
  booleanProbes, // true and false
  numberProbes, // minimum/maximum, exclusive bounds, multipleOf
  lengthProbes, // minLength/maxLength
  patternProbes, // drawn matches, one non-match
  formatProbes, // drawn value of the format, a malformed one
  stringProbes, // a drawn string where nothing constrains its shape
  arrayProbes, // empty, one, many, minItems/maxItems
  mapProbes, // empty map, one entry
  typeProbes, // a value of a type the leaf does not admit
];
