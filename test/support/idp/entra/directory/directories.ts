// The Graph directories of every emulated tenant, the behaviour knobs of the Graph endpoints and the request log.
import type { EmulatorTenant } from '../types';
import { TenantDirectory } from './store';

/** How the emulated Graph misbehaves, per test. */
export interface GraphBehaviour {
  /** Requests that reference a newly created application answer 404 (or the matching 400) this many times first. */
  replicationMisses?: number;
  /** The next `count` directory requests answer 429 with Retry-After. */
  throttle?: { count: number; retryAfterSeconds: number };
}

/** One directory request as received (bodies of requests never hold a secret). */
export interface DirectoryRequest {
  method: string;
  path: string;
  body: unknown;
  /** The token's audience: the cloud's Graph resource the client asked a token for. */
  aud: string;
}

/** Every tenant's directory, created on first use. */
export class GraphDirectories {
  readonly requests: DirectoryRequest[] = [];
  readonly replicationLeft = new Map<string, number>();
  private readonly byTenant = new Map<string, TenantDirectory>();

  constructor(
    private readonly tenants: EmulatorTenant[],
    readonly behaviour: GraphBehaviour,
  ) {}

  /** The directory of a tenant ID, or undefined for an unknown tenant. */
  forTenant(tenantId: string): TenantDirectory | undefined {
    const tenant = this.tenants.find((t) => t.tenantId.toLowerCase() === tenantId.toLowerCase());
    if (!tenant) return undefined;
    let dir = this.byTenant.get(tenant.tenantId);
    if (!dir) {
      dir = new TenantDirectory(tenant);
      this.byTenant.set(tenant.tenantId, dir);
    }
    return dir;
  }
}
