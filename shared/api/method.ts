// What every part of the API contract declares its methods with (shared/api/contract.ts
// gathers them), and the input pieces more than one part takes.
import { z } from 'zod';

/** Pairs a zod input schema with a result type that exists only for the compiler. */
export function method<R>() {
  return <I extends z.ZodType>(input: I): { input: I; result: R } => ({
    input,
    result: undefined as unknown as R,
  });
}

/** A path on this computer, as a method's input. */
export const filePath = z
  .string()
  .trim()
  .min(1, '请填写文件路径')
  .max(4096, '文件路径过长')
  .refine((p) => !p.includes('\0'), '文件路径含有非法字符');
