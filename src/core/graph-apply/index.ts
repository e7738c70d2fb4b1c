// Create, read back, repair and rotate app registrations through Microsoft Graph, with a preview of every request.
export { buildCreatePlan, graphHostOf, type CreateOptions, type NewCredential } from './build-create';
export { buildRepairPlan, fixableFindings, type RepairOptions } from './build-repair';
export { buildRemoveOldPlan, buildRotateAddPlan, type RemoveOld, type RotateCredential } from './build-rotate';
export { consentSteps } from './consent-steps';
export { addPasswordBody, keyCredentialFor, SECRET_MONTHS, type CertificateToRegister } from './credentials';
export { readCurrentApp, type CurrentApp } from './current-app';
export { applicationByAppIdPath, fetchApplication, verifyApplication } from './fetch-app';
export { defaultRetry, GraphClient, type RetryPolicy } from './graph-client';
export { graphErrorCatalogue, graphFailure, lookupGraphError } from './graph-errors';
export { GraphHttp, type GraphHttpOptions, type GraphTransport } from './graph-http';
export {
  GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID,
  managementClientId,
  ownManagementAppSteps,
  rolesFor,
  scopesFor,
  type ManagementClient,
} from './management';
export { maskSecrets, MASK } from './mask';
export { needsOf, type RegistrationNeeds } from './needs';
export { dryRunJson, previewOf, previewRequests, type GraphPlan, type GraphStep } from './plan';
export { runPlan, type PlanRun } from './run-plan';
export { signInForManagement, type ManagementSignInOptions, type ManagementToken } from './management-signin';
