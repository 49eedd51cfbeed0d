import { z } from 'zod';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address' }).max(254));

export const Password = z
  .string()
  .min(8, { error: 'Use at least 8 characters' })
  .max(200, { error: 'Use at most 200 characters' });

export const SignUpInput = z.object({
  name: z.string().trim().min(1, { error: 'Enter your name' }).max(120),
  email: Email,
  password: Password,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({ email: Email, password: z.string().min(1).max(200) });

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isStaff: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

export const RequestPasswordResetInput = z.object({ email: Email });
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

export const ResetPasswordInput = z.object({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'This reset link is not valid. Ask for a new one.' }),
  password: Password,
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
