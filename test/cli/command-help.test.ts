// The command table: `bvchart --help` lists every command from the table alone; a command's
// own --help loads that command and prints its usage; usage errors exit 2 naming the command.
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/project.ts';

describe('bvchart help and usage errors', () => {
  it.each([
    [['--help'], 0, /^usage: bvchart <command>[\s\S]*\n {2}gen {8}[\s\S]*\n {2}validate {3}[\s\S]*\n {2}schemas {4}[\s\S]*\n {2}release {4}/],
    [['gen', '--help'], 0, /^usage: bvchart gen \[--check\]/],
    [['validate', '-h'], 0, /^usage: bvchart validate \[options\]/],
    [['schemas', '--help'], 0, /^usage: bvchart schemas convert/],
    [['release', '--help'], 0, /^usage: bvchart release --repo DIR\|URL[\s\S]*BVCHART_SIGN_KEY/],
  ])('bvchart %j', async (args, code, usage) => {
    const run = await runCli(args, REPO);
    expect(run.code).toBe(code);
    expect(run.stdout).toMatch(usage);
    expect(run.stderr).toBe('');
  });

  it.each([
    [['release'], '--repo is required'],
    [['release', '--repo', 'x', '--oci', 'https://registry.example/charts'], '--oci must start with oci://'],
    [['release', '--repo', 'x', '--helm', '5'], '--helm must be 3 or 4'],
    [['release', '--repo', 'x', '--bogus'], "Unknown option '--bogus'"],
  ])('bvchart %j exits 2', async (args, message) => {
    const run = await runCli(args, REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('(see bvchart release --help)');
  });
});
