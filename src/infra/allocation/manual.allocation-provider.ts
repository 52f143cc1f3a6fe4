import type { AllocationProvider, AllocationResult } from './allocation.port';

/** ALLOCATION_DRIVER=manual: the business obtains the number itself and types it in. */
export class ManualAllocationProvider implements AllocationProvider {
  readonly driver = 'manual';
  readonly automatic = false;

  request(): Promise<AllocationResult> {
    return Promise.resolve({ outcome: { kind: 'manual' } });
  }
}
