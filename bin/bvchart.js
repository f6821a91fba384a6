#!/usr/bin/env node
// bvchart: the CLI entry point. It runs the compiled library in dist/ (`npm run build`;
// the bootstrap builds it in a clone, the npm package ships it): no TypeScript loader.
import fs from 'node:fs';

let cli;
try {
  cli = await import('../dist/cli/bvchart.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/bvchart.js')) throw error;
  process.stderr.write('bvchart: dist/ is missing; in a clone of the repository run `npm run build` (or `npm run bootstrap`) first.\n');
  process.exit(2);
}
const io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  stdin: () => fs.readFileSync(0),
};
process.exitCode = await cli.main(process.argv.slice(2), io);
