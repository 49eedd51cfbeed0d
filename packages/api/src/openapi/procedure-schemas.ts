import { z } from 'zod';
import { appRouter } from '../router';

/**
 * The input and output zod schemas a procedure declares (`.input()`, `.output()`), and the
 * scope an API key needs for it (`keyScope` in its meta).
 */
export function procedureSchemas(path: string): {
  input: z.ZodType | null;
  output: z.ZodType;
  keyScope: string | null;
} {
  const procedure = (appRouter._def.procedures as Record<string, unknown>)[path];
  const def = (
    procedure as
      { _def?: { inputs?: unknown[]; output?: unknown; meta?: { keyScope?: string } } } | undefined
  )?._def;
  if (!def) throw new Error(`No procedure ${path}`);
  const [input] = def.inputs ?? [];
  if (!(def.output instanceof z.ZodType)) throw new Error(`${path} declares no output schema`);
  return {
    input: input instanceof z.ZodType ? input : null,
    output: def.output,
    keyScope: def.meta?.keyScope ?? null,
  };
}
