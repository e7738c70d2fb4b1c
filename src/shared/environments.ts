/** The Microsoft clouds a connection can target, plus an admin-defined Custom environment. */
export const environmentIds = ['office365', 'usgov-l4', 'usgov-l5', 'china', 'custom'] as const;

/** One of the environment ids. */
export type EnvironmentId = (typeof environmentIds)[number];

/** The names admins see for each environment. */
export const environmentLabels: Record<EnvironmentId, string> = {
  office365: 'Office 365 (global)',
  'usgov-l4': 'US Government L4 (GCC High)',
  'usgov-l5': 'US Government L5 (DoD)',
  china: 'China (21Vianet)',
  custom: 'Custom',
};
