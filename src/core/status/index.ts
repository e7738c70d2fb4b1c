export { isAfter, testKind, testState, verificationState } from './evidence';
export { statusFacts } from './facts';
export { expiryOf, fileStatus } from './file-status';
export { profileStatus, type StatusSources } from './profile-status';
