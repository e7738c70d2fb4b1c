// The zod schemas of the New connection wizard's state and the types inferred from them (main and core parse with
// these; the renderer imports only wizard.ts).
import { z } from 'zod';
import { appAudiences } from './connections';
import { authKindSchema } from './connections-schema';
import { environmentIdSchema } from './environments-schema';
import { wizardSteps } from './wizard';

/** The answers of the decision guide; null = not answered yet. */
export const wizardGuideSchema = z
  .object({
    signsIn: z.enum(['person', 'unattended']).nullable().default(null),
    triggers: z.enum(['yes', 'no']).nullable().default(null),
    credential: z.enum(['certificate', 'secret', 'either']).nullable().default(null),
    environment: environmentIdSchema.nullable().default(null),
  })
  .strict();

/** The answers of the decision guide. */
export type WizardGuide = z.infer<typeof wizardGuideSchema>;

const text = (max: number) => z.string().max(max).default('');

/** The profile fields the wizard collects: the same as the profile form's, without any secret. */
export const wizardDraftSchema = z
  .object({
    name: text(200),
    notes: text(10_000),
    clientId: text(100),
    tenant: text(256),
    environment: environmentIdSchema.default('office365'),
    loginHost: text(253),
    graphHost: text(253),
    secretExpiresAt: text(64),
    scopes: text(10_000),
    appOnlyPermissions: text(10_000),
    upn: text(256),
    audience: z.enum(appAudiences).default('single-tenant'),
    domain: text(253),
  })
  .strict();

/** The profile fields the wizard collects. */
export type WizardDraft = z.infer<typeof wizardDraftSchema>;

/** What the renderer may change in the wizard's state. Secrets are not here: they go to wizard.holdSecret or the certificates contract. */
export const wizardInputSchema = z
  .object({
    step: z.enum(wizardSteps).default('decide'),
    done: z.array(z.enum(wizardSteps)).max(wizardSteps.length).default([]),
    guide: wizardGuideSchema.default({ signsIn: null, triggers: null, credential: null, environment: null }),
    auth: authKindSchema.nullable().default(null),
    draft: wizardDraftSchema.default(wizardDraftSchema.parse({})),
    /** Ids of the app-registration checklist items the admin ticked. */
    checklistDone: z.array(z.string().max(40)).max(20).default([]),
    /** The profile the wizard saved (profiles.create); main checks it exists. */
    profileId: z.string().max(100).nullable().default(null),
    verifySkipped: z.boolean().default(false),
  })
  .strict();

/** What the renderer may change in the wizard's state. */
export type WizardInput = z.infer<typeof wizardInputSchema>;
