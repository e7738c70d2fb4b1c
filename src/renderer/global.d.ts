/// <reference types="vite/client" />
import type { WorkbenchApi } from '../shared/contract';

declare global {
  interface Window {
    /** The contract, exposed by the preload (or by the test host in end-to-end tests). */
    workbench: WorkbenchApi;
  }
}
