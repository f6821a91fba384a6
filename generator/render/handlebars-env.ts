// The Handlebars environment that emits Helm's Go templates. Go-template text stays
// readable: whole passages sit in `{{{{raw}}}} … {{{{/raw}}}}` blocks, and single generated
// actions use the `go` helper: {{go "include \"boardviewer.fullname\" ."}} emits
// `{{ include "boardviewer.fullname" . }}`.
import Handlebars from 'handlebars';

export type TemplateEnv = typeof Handlebars;

export function createTemplateEnv(): TemplateEnv {
  const env = Handlebars.create();
  env.registerHelper('raw', function raw(this: unknown, options: Handlebars.HelperOptions) {
    return options.fn(this);
  });
  env.registerHelper('go', (...args: unknown[]) => {
    const parts = args.slice(0, -1).map(String);
    return new env.SafeString(`{{ ${parts.join('')} }}`);
  });
  env.registerHelper('oneline', (value: unknown) => new env.SafeString(String(value).replace(/\s+/g, ' ').trim()));
  env.registerHelper('mdcell', (value: unknown) => new env.SafeString(String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ')));
  return env;
}

export function compileTemplate(env: TemplateEnv, source: string): (context: object) => string {
  // noEscape: the output is YAML, Markdown and Go templates, never HTML.
  return env.compile(source, { noEscape: true, strict: true });
}
