// Fast tier: the default chart and every values/ scenario validate clean with one render per
// scenario (the matrix tier, test/chart/helm-matrix.test.ts, covers the rest of Kubernetes
// 1.29–1.36 × Helm 3 and 4): the same check `npm run gen` ends with.
import { it } from 'vitest';
import { expectCleanAcross, FAST_CELLS } from '../helpers/clean-matrix.ts';

it('validates clean with one render per scenario; the only notes are the ones the values call for', async () => {
  await expectCleanAcross(FAST_CELLS);
}, 300_000);
