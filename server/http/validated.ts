// Route handlers that receive their body, query and params already parsed by zod (never parsed twice).
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { AppError } from '../errors';

interface Schemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

type Parsed<S extends Schemas> = {
  [K in keyof S]: S[K] extends z.ZodType ? z.infer<S[K]> : never;
};

export function validated<S extends Schemas>(
  schemas: S,
  handler: (input: Parsed<S>, req: Request, res: Response) => Promise<void>,
): RequestHandler {
  return async (req, res) => {
    if (schemas.body && req.body === undefined) {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Permintaan ini harus berisi JSON (Content-Type: application/json).');
    }
    const input = {} as Record<string, unknown>;
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (schema) input[part] = await schema.parseAsync(req[part]);
    }
    await handler(input as Parsed<S>, req, res);
  };
}
