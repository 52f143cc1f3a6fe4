import { settingFor, unknownDriver } from '../config/driver-choices';
import { AllocationDriver, type EnvironmentVariables } from '../config/env.schema';
import type { AllocationProvider } from './allocation.port';
import { ItaAllocationProvider } from './ita.allocation-provider';
import { ManualAllocationProvider } from './manual.allocation-provider';

export const ALLOCATION_CONFIG = [
  'ALLOCATION_DRIVER',
  'ITA_API_URL',
  'ITA_TOKEN_URL',
  'ITA_CLIENT_ID',
  'ITA_CLIENT_SECRET',
  'ITA_SOFTWARE_NUMBER',
] as const;
type AllocationConfig = Pick<EnvironmentVariables, 'ALLOCATION_DRIVER'> &
  Partial<Pick<EnvironmentVariables, (typeof ALLOCATION_CONFIG)[number]>>;

/** Builds the allocation driver ALLOCATION_DRIVER names; an unknown or incomplete choice stops boot. */
export function createAllocationProvider(config: AllocationConfig): AllocationProvider {
  switch (config.ALLOCATION_DRIVER) {
    case AllocationDriver.manual:
      return new ManualAllocationProvider();
    case AllocationDriver.ita:
      return new ItaAllocationProvider({
        apiUrl: settingFor(config, 'ALLOCATION_DRIVER', 'ITA_API_URL'),
        tokenUrl: settingFor(config, 'ALLOCATION_DRIVER', 'ITA_TOKEN_URL'),
        clientId: settingFor(config, 'ALLOCATION_DRIVER', 'ITA_CLIENT_ID'),
        clientSecret: settingFor(config, 'ALLOCATION_DRIVER', 'ITA_CLIENT_SECRET'),
        softwareNumber: settingFor(config, 'ALLOCATION_DRIVER', 'ITA_SOFTWARE_NUMBER'),
      });
    default:
      throw unknownDriver('ALLOCATION_DRIVER', config.ALLOCATION_DRIVER, AllocationDriver);
  }
}
