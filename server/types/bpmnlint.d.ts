// bpmnlint ships types in lib/types.d.ts but names none for its entry points; these declare the parts we use.
declare module 'bpmnlint' {
  import type { Config, Resolver, TransformRuleFn } from 'bpmnlint/lib/types';

  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    [key: string]: unknown;
  }

  export class Linter {
    constructor(options: { config?: Config; resolver: Resolver; transformRule?: TransformRuleFn });
    lint(moddleRoot: unknown, config?: Config): Promise<Record<string, LintReport[]>>;
    /** The configuration given to the constructor. */
    config: Config;
    /** The enabled rules of a configuration, resolved, in configuration order (server/lint/one-pass-linter.ts). */
    resolveRules(config: Config): Promise<Array<{ name: string; category: string; config: unknown; rule: import('bpmnlint/lib/types').RuleDefinition }>>;
  }
}

declare module 'bpmnlint/lib/resolver/static-resolver' {
  import type { Resolver } from 'bpmnlint/lib/types';
  const StaticResolver: new (cache: Record<string, unknown>) => Resolver;
  export default StaticResolver;
}

declare module 'bpmnlint/rules/*' {
  import type { RuleFactory } from 'bpmnlint/lib/types';
  const rule: RuleFactory;
  export default rule;
}

declare module 'bpmnlint/config/recommended' {
  import type { Config } from 'bpmnlint/lib/types';
  const config: Config;
  export default config;
}
