import { z } from 'zod';
import { Email, Password } from '../accounts/schemas';

export const StaffRole = z.enum(['owner', 'manager', 'agent', 'checkin', 'auditor'], {
  error: 'Choose a role',
});

export const InviteStaffInput = z.object({ email: Email, role: StaffRole });
export type InviteStaffInput = z.infer<typeof InviteStaffInput>;

export const InvitationId = z.object({ invitationId: z.uuid() });

export const InvitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  role: StaffRole,
  invitedBy: z.string().nullable(),
  expiresAt: z.date(),
  createdAt: z.date(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** The link's token: 32 random bytes, base64url. */
export const InvitationToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'This invitation link is not valid. Ask for a new one.' });

export const InvitationPreview = z.object({
  orgName: z.string(),
  email: z.string(),
  role: StaffRole,
  /** Whether the invited address already has a Tessera account (sign in) or not (sign up). */
  hasAccount: z.boolean(),
  expiresAt: z.date(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptAsNewUserInput = z.object({
  token: InvitationToken,
  name: z.string().trim().min(1, { error: 'Enter your name' }).max(120),
  password: Password,
});
export type AcceptAsNewUserInput = z.infer<typeof AcceptAsNewUserInput>;

export const AcceptAsExistingUserInput = z.object({
  token: InvitationToken,
  password: z.string().min(1, { error: 'Enter your password' }).max(200),
});
export type AcceptAsExistingUserInput = z.infer<typeof AcceptAsExistingUserInput>;

export const AcceptedInvitation = z.object({ email: z.string(), orgName: z.string() });
export type AcceptedInvitation = z.infer<typeof AcceptedInvitation>;

export const MemberView = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: StaffRole,
  since: z.date(),
});
export type MemberView = z.infer<typeof MemberView>;

export const MemberId = z.object({ userId: z.uuid() });

export const ChangeRoleInput = z.object({ userId: z.uuid(), role: StaffRole });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;
