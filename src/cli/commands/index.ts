import type { CommandEntry } from '../command';

/**
 * Every `gcw` command, in help order. A command's modules are imported only when it runs (`load`), so adding one
 * (with heavy modules of its own) costs the others nothing: add an entry here and a file that exports its Command.
 */
export const commands: CommandEntry[] = [
  {
    name: 'cert',
    summary: 'Inspect a PFX, convert it to or from base64, and create a new certificate.',
    load: async () => (await import('./cert')).certCommand,
  },
  {
    name: 'profile',
    summary: 'Check a connection profile file (lint) or write one from flags (new).',
    load: async () => (await import('./profile')).profileCommand,
  },
  {
    name: 'scopes',
    summary: 'Print the Microsoft Graph scopes an option needs (delegated, or application with --app-only).',
    load: async () => (await import('./scopes')).scopesCommand,
  },
  {
    name: 'verify',
    summary: 'Check app registration manifests against a connection profile and certificate, offline.',
    load: async () => (await import('./verify')).verifyCommand,
  },
  {
    name: 'record',
    summary: 'Write the connection record of a profile (Markdown or HTML) for a change ticket: no secrets.',
    load: async () => (await import('./record')).recordCommand,
  },
  {
    name: 'signin',
    summary: 'Test a connection: app-only token (client-credentials) or interactive sign-in with PKCE.',
    load: async () => (await import('./signin')).signinCommand,
  },
  {
    name: 'consent-url',
    summary: 'Print the admin consent URL (v2, or v1) to send to a Global Administrator.',
    load: async () => (await import('./consent-url')).consentUrlCommand,
  },
  {
    name: 'token',
    summary: 'Decode an access token (JWT) and show the claims that matter.',
    load: async () => (await import('./token')).tokenCommand,
  },
  {
    name: 'environments',
    summary: 'List the Microsoft clouds with their sign-in, Graph and admin-center hosts.',
    load: async () => (await import('./environments')).environmentsCommand,
  },
  {
    name: 'app',
    summary: 'Create, fetch, repair or rotate the app registration through Microsoft Graph (preview first).',
    load: async () => (await import('./app')).appCommand,
  },
  {
    name: 'ui',
    summary: 'The whole Workbench in your browser (no Electron needed): served on 127.0.0.1 to you alone.',
    load: async () => (await import('./ui')).uiCommand,
  },
];
