import { z } from 'zod';
import { appAudiences } from '../connections';
import { authKindSchema, customHostsSchema } from '../connections-schema';
import { environmentIdSchema } from '../environments-schema';
import type { PermissionKind } from '../permissions';
import { type WizardView } from '../wizard';
import { wizardInputSchema } from '../wizard-schema';
import { method } from './define';

const empty = z.object({}).strict();
const ref = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a certificate reference');
const scopeList = z.array(z.string().max(300)).max(300).default([]);

/** A value to enter in the admin center, with a copy button. */
export interface ChecklistValue {
  label: string;
  /** Empty when it cannot be known yet (e.g. the domain is not entered). */
  value: string;
  note?: string;
  /** Where it goes in the admin center, e.g. "Web" for a redirect URI. */
  platform?: 'Web' | 'Mobile and desktop applications';
  kind?: PermissionKind;
  adminConsentRequired?: boolean;
}

/** One thing to do on the app registration, with the values to enter and the admin-center pages to do it on. */
export interface ChecklistItem {
  id: 'register' | 'redirect' | 'credential' | 'permissions' | 'consent' | 'ids';
  title: string;
  /** The clicks, in order. */
  steps: string[];
  values: ChecklistValue[];
  links: Array<{ label: string; url: string }>;
  /** False for what only the Workbench's own tests need. */
  requiredForConnection: boolean;
}

/** The app-registration checklist of an option in a cloud. */
export interface WizardChecklist {
  cloudLabel: string;
  adminCenterHost: string;
  items: ChecklistItem[];
}

/** Contract methods of the New connection wizard: its state (kept in main, no secrets), held secrets and the checklist. */
export const wizardMethods = {
  'wizard.get': method<WizardView>()(
    empty,
    'The wizard as it was left (restored after a restart), with where its secrets are and the profile it saved.',
  ),
  'wizard.save': method<WizardView>()(
    z.object({ state: wizardInputSchema }).strict(),
    'Keep what the admin chose and typed (no secrets) so the wizard can be left and resumed.',
  ),
  'wizard.holdSecret': method<WizardView>()(
    z.object({ clientSecret: z.string().min(1).max(200_000) }).strict(),
    'Keep the client secret typed in the wizard: in main’s memory until the profile exists, then in the OS keychain with the profile.',
  ),
  'wizard.useCertificate': method<WizardView>()(
    z.object({ ref, source: z.enum(['imported', 'generated']) }).strict(),
    'Use a certificate held in main (opened, or generated and exported): its PFX and password go to the profile when it is saved, or at once when it exists.',
  ),
  'wizard.checklist': method<WizardChecklist>()(
    z
      .object({
        auth: authKindSchema,
        environment: environmentIdSchema.default('office365'),
        customHosts: customHostsSchema.strict().nullable().default(null),
        domain: z.string().max(253).default(''),
        audience: z.enum(appAudiences).default('single-tenant'),
        clientId: z.string().max(100).default(''),
        tenant: z.string().max(256).default(''),
        scopes: scopeList,
        appOnlyPermissions: scopeList,
        thumbprint: z.string().max(128).default(''),
      })
      .strict(),
    'The app-registration checklist for an option and cloud: redirect URIs and their platform, permissions by kind, admin consent, and admin-center links.',
  ),
  'wizard.reset': method<WizardView>()(
    empty,
    'Start over: forget the wizard’s answers and any secret it holds in memory (a saved profile stays in Connections).',
  ),
};
