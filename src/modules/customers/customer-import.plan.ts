import type { ImportRow, ParsedRow } from './csv/row';
import { CUSTOMER_COLUMNS, SCALAR_FIELDS, type CustomerColumns, type CustomerRow } from './customer-fields';
import { newCustomerRow } from './customer-row';
import { buildSearchText } from './customer-search';
import type { CustomerImportRowError } from './entities/customer-import.entity';

export interface ExistingCustomer extends CustomerColumns {
  id: string;
}

export interface ChunkPlan {
  inserts: CustomerRow[];
  updates: { id: string; changes: Partial<CustomerRow> }[];
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  errors: CustomerImportRowError[];
}

interface Slot {
  id: string | null;
  state: CustomerColumns;
  original: CustomerColumns | null;
}

const IMPORT_SOURCE = 'import';
function snapshot(c: CustomerColumns): CustomerColumns {
  const copy = {} as Record<string, unknown>;
  for (const k of CUSTOMER_COLUMNS) copy[k] = c[k];
  const s = copy as unknown as CustomerColumns;
  return { ...s, tags: [...(c.tags ?? [])], customFields: { ...(c.customFields ?? {}) } };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime?.() === (b as Date | null)?.getTime?.();
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/** Writes one row's non-empty cells onto a customer; returns whether anything changed. */
function applyRow(state: CustomerColumns, row: ImportRow, now: Date): boolean {
  let changed = false;
  for (const key of SCALAR_FIELDS) {
    const value = row[key];
    if (value !== undefined && state[key] !== value) {
      (state as unknown as Record<string, unknown>)[key] = value;
      changed = true;
    }
  }
  if (row.tags) {
    const added = row.tags.filter((t) => !state.tags.includes(t));
    if (added.length) {
      state.tags = [...state.tags, ...added];
      changed = true;
    }
  }
  if (row.customFields) {
    for (const [k, v] of Object.entries(row.customFields)) {
      if (!(k in state.customFields) || state.customFields[k] !== v) {
        state.customFields = { ...state.customFields, [k]: v };
        changed = true;
      }
    }
  }
  for (const channel of ['email', 'sms'] as const) {
    const given = row[`${channel}Consent`];
    if (given !== undefined && state[`${channel}Consent`] !== given) {
      state[`${channel}Consent`] = given;
      state[`${channel}ConsentAt`] = now;
      state[`${channel}ConsentSource`] = IMPORT_SOURCE;
      changed = true;
    }
  }
  return changed;
}

/** A customer the file introduces: a new customer's defaults (source `import`), then the row. */
function newState(row: ImportRow, now: Date): CustomerColumns {
  const { searchText: _derivedLater, ...state } = newCustomerRow({ firstName: row.firstName ?? '', source: IMPORT_SOURCE }, now);
  applyRow(state, row, now);
  return state;
}

/**
 * Decides, for one chunk of parsed rows and the customers already holding
 * their phones/emails, what to insert and what to update. Rows upsert by phone,
 * then email; later rows see earlier ones (duplicates in a file merge); a row
 * whose phone and email belong to two different customers is an error.
 * Pure: the caller runs the plan in one transaction.
 */
export function planChunk(rows: ParsedRow[], existing: ExistingCustomer[], now: Date): ChunkPlan {
  const plan: ChunkPlan = { inserts: [], updates: [], created: 0, updated: 0, skipped: 0, failed: 0, errors: [] };
  const byPhone = new Map<string, Slot>();
  const byEmail = new Map<string, Slot>();
  const slots: Slot[] = [];
  for (const c of existing) {
    const slot: Slot = { id: c.id, state: snapshot(c), original: snapshot(c) };
    slots.push(slot);
    if (c.phone) byPhone.set(c.phone, slot);
    if (c.email) byEmail.set(c.email, slot);
  }

  for (const { row, data, errors } of rows) {
    if (errors.length) {
      plan.failed++;
      plan.errors.push(...errors.map((e) => ({ row, field: e.field, message: e.message })));
      continue;
    }
    const phoneSlot = data.phone ? byPhone.get(data.phone) : undefined;
    const emailSlot = data.email ? byEmail.get(data.email) : undefined;
    if (phoneSlot && emailSlot && phoneSlot !== emailSlot) {
      plan.failed++;
      plan.errors.push({ row, field: 'email', message: 'email belongs to a different customer than the phone' });
      continue;
    }
    const target = phoneSlot ?? emailSlot;
    if (!target) {
      if (!data.firstName) {
        plan.failed++;
        plan.errors.push({ row, field: 'firstName', message: 'firstName is required for a new customer' });
        continue;
      }
      const slot: Slot = { id: null, state: newState(data, now), original: null };
      slots.push(slot);
      if (slot.state.phone) byPhone.set(slot.state.phone, slot);
      if (slot.state.email) byEmail.set(slot.state.email, slot);
      plan.created++;
      continue;
    }
    const before = { phone: target.state.phone, email: target.state.email };
    if (!applyRow(target.state, data, now)) {
      plan.skipped++;
      continue;
    }
    if (before.phone !== target.state.phone) {
      if (before.phone) byPhone.delete(before.phone);
      if (target.state.phone) byPhone.set(target.state.phone, target);
    }
    if (before.email !== target.state.email) {
      if (before.email) byEmail.delete(before.email);
      if (target.state.email) byEmail.set(target.state.email, target);
    }
    plan.updated++;
  }

  for (const slot of slots) {
    if (!slot.original) {
      plan.inserts.push({ ...slot.state, searchText: buildSearchText(slot.state) });
      continue;
    }
    const changes: Partial<CustomerRow> = {};
    for (const k of CUSTOMER_COLUMNS) {
      if (!sameValue(slot.state[k], slot.original[k])) (changes as Record<string, unknown>)[k] = slot.state[k];
    }
    if (!Object.keys(changes).length) continue;
    if (changes.firstName !== undefined || changes.lastName !== undefined || changes.email !== undefined || changes.phone !== undefined) {
      changes.searchText = buildSearchText(slot.state);
    }
    plan.updates.push({ id: slot.id!, changes });
  }
  return plan;
}
