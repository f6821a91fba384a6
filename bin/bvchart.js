#!/usr/bin/env node
// bvchart: the CLI entry point. The library is TypeScript run through tsx's loader.
import fs from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/bvchart.ts');
const io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  stdin: () => fs.readFileSync(0, 'utf8'),
};
process.exitCode = await main(process.argv.slice(2), io);
