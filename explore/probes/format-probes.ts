// `format`: a drawn value of the format (fast-check's own generators) and a malformed one.
import fc from 'fast-check';
import type { Probe, ProbeBuilder } from './probe.ts';

const FORMATS: Readonly<Record<string, () => fc.Arbitrary<string>>> = {
  uri: () => fc.webUrl(),
  'uri-reference': () => fc.webUrl(),
  url: () => fc.webUrl(),
  email: () => fc.emailAddress(),
  hostname: () => fc.domain(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  uuid: () => fc.uuid(),
  'date-time': () => fc.date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('2999-12-31') }).map((d) => d.toISOString()),
  date: () => fc.date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('2999-12-31') }).map((d) => d.toISOString().slice(0, 10)),
};

export const formatProbes: ProbeBuilder = {
  family: 'format',
  build(leaf, ctx) {
    const format = leaf.schema.format;
    if (format === undefined || leaf.schema.enum) return [];
    const out: Probe[] = [];
    const make = FORMATS[format];
    if (make) {
      const { value, draw } = ctx.draw(make(), `${leaf.key}#format`);
      out.push({ label: `format ${format}`, side: 'inside', value, draw });
    }
    out.push({ label: `not a ${format}`, side: 'outside', value: `not a ${format} ::` });
    return out;
  },
};
