// What a command says on stderr when it validates against kubeconform's public catalogue
// (the `default` schema location) because no local schemas were given or found: where the
// schemas come from, where they are cached, and how to work offline.
import { defaultCacheDir } from '../validator/schemas/schema-source.ts';

export function defaultCatalogueNotice(command: string, why: string): string {
  return (
    `${command}: ${why}; Kubernetes schemas come from kubeconform's default catalogue ` +
    `(https://github.com/yannh/kubernetes-json-schema), downloaded once and cached in ${defaultCacheDir()}. ` +
    "To work offline, pass --schema-location DIR (a folder in kubeconform's layout, e.g. made by `bvchart schemas convert`).\n"
  );
}
