// Schema-driven wiring: a setting added to the schema with x-bv-env reaches the rendered
// pod, the values.yaml comments and the README table through the generator alone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../generator/layout.ts';
import { editFile, runCli, tempProject, treeDigest } from '../helpers/project.ts';
import { container, envOf, renderRaw } from '../helpers/render.ts';

const NEW_SETTING = `      dashboardTheme:
        type: string
        description: Colour theme of new dashboards.
        default: midnight
        enum: [midnight, daylight]
        x-bv-env: BV_DASHBOARD_THEME
`;

describe('a new x-bv-env setting', () => {
  it('is wired end to end with no template edited', async () => {
    const templatesBefore = treeDigest(TEMPLATES_DIR);
    const root = tempProject();
    editFile(root, 'schema/values.schema.yaml', /( {4}properties:\n {6}logLevel:\n)/, `    properties:\n${NEW_SETTING}      logLevel:\n`);
    const gen = await runCli(['gen', '--no-verify'], root);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stdout).toContain('update chart/templates/_settings.tpl');

    const valuesYaml = fs.readFileSync(path.join(root, 'chart/values.yaml'), 'utf8');
    expect(valuesYaml).toMatch(/ {2}# dashboardTheme -- Colour theme of new dashboards\.\n {2}dashboardTheme: midnight\n/);
    const readme = fs.readFileSync(path.join(root, 'chart/README.md'), 'utf8');
    expect(readme).toContain('| `app.dashboardTheme` | string | `"midnight"` | Colour theme of new dashboards. |');

    const chart = path.join(root, 'chart');
    const byDefault = await renderRaw({}, { chart });
    expect(byDefault.status, byDefault.stderr).toBe(0);
    expect(envOf(container(byDefault.find('StatefulSet', 'bv-boardviewer'), 'boardviewer'), 'BV_DASHBOARD_THEME')).toBe('midnight');
    const overridden = await renderRaw({ app: { dashboardTheme: 'daylight' } }, { chart });
    expect(envOf(container(overridden.find('StatefulSet', 'bv-boardviewer'), 'boardviewer'), 'BV_DASHBOARD_THEME')).toBe('daylight');

    expect(treeDigest(TEMPLATES_DIR)).toEqual(templatesBefore);
  });
});
