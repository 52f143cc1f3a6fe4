import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { ApiKeysRepository } from '../../src/modules/api-keys/api-keys.repository';
import { ApiKey } from '../../src/modules/api-keys/entities/api-key.entity';
import { useTestDataSource } from '../support/database';
import { insertBusiness } from '../support/sql';
import { Role } from '../../src/common/auth/role';
import { MissingTenantError } from '../../src/common/tenancy/tenant.repository';

describe('TenantRepository', () => {
  let ds: DataSource;
  let repo: ApiKeysRepository;
  let a: string;
  let b: string;
  const dataSource = useTestDataSource();
  before(async () => {
    ds = dataSource();
    repo = new ApiKeysRepository(ds.getRepository(ApiKey));
    a = await insertBusiness(ds, 'א');
    b = await insertBusiness(ds, 'ב');
  });

  const key = (prefix: string) => ({
    name: 'k',
    prefix,
    keyHash: 'h'.repeat(64),
    role: Role.staff,
    createdByUserId: null,
    lastUsedAt: null,
    revokedAt: null,
  });

  it('refuses to run without a business id', async () => {
    await assert.rejects(() => repo.findMany(''), MissingTenantError);
    await assert.rejects(() => repo.insert('', key('cg_00000001')), MissingTenantError);
    await assert.rejects(() => repo.count('not-a-uuid'), MissingTenantError);
  });

  it("stamps the business on insert and never returns another business's rows", async () => {
    const row = await repo.insert(a, { ...key('cg_00000002'), businessId: b } as never);
    assert.equal(row.businessId, a, 'the given business wins over a businessId in the data');
    assert.equal(await repo.findById(b, row.id), null);
    assert.equal((await repo.findById(a, row.id))?.id, row.id);
    assert.equal(await repo.deleteById(b, row.id), false);
    assert.equal(await repo.findById(a, 'not-a-uuid'), null);
  });

  it('joins a transaction with withManager, and rolls back with it', async () => {
    await assert.rejects(() =>
      ds.transaction(async (em) => {
        await repo.withManager(em).insert(a, key('cg_00000003'));
        throw new Error('roll back');
      }),
    );
    assert.equal(await repo.count(a, { prefix: 'cg_00000003' }), 0);
  });
});
