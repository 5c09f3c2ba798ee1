import type { CreateEnterpriseInput, Enterprise, EnterpriseSize, UpdateEnterpriseInput } from '../../../shared/enterprises.js';

export interface EnterpriseFormValues {
  name: string;
  uscc: string;
  isLocal: boolean;
  regionCode?: string;
  province?: string;
  city?: string;
  size?: EnterpriseSize | null;
  contactName?: string;
  contactPhone?: string;
  description?: string;
  nodeIds?: number[];
  leadChainIds?: number[];
}

/** API paths this form shows errors on; the names match the API, so no renames are needed. */
export const ENTERPRISE_FORM_FIELDS = [
  'name',
  'uscc',
  'isLocal',
  'regionCode',
  'province',
  'city',
  'size',
  'contactName',
  'contactPhone',
  'description',
  'nodeIds',
  'leadChainIds',
];

export function enterpriseToValues(e: Enterprise): EnterpriseFormValues {
  return {
    name: e.name,
    uscc: e.uscc,
    isLocal: e.isLocal,
    regionCode: e.regionCode ?? undefined,
    province: e.province,
    city: e.city,
    size: e.size,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    description: e.description,
    nodeIds: e.nodes.map((n) => n.id),
    leadChainIds: e.leadChains.map((c) => c.id),
  };
}

export function valuesToCreate(v: EnterpriseFormValues, isAdmin: boolean): CreateEnterpriseInput {
  const s = (x: string | undefined) => (x ?? '').trim();
  return {
    name: s(v.name),
    uscc: s(v.uscc).toUpperCase(),
    isLocal: v.isLocal,
    // A local enterprise sits in a region; one outside has a province and city instead.
    regionCode: v.isLocal ? (v.regionCode ?? null) : null,
    province: v.isLocal ? '' : s(v.province),
    city: v.isLocal ? '' : s(v.city),
    size: v.size ?? null,
    contactName: s(v.contactName),
    contactPhone: s(v.contactPhone),
    description: s(v.description),
    nodeIds: v.nodeIds ?? [],
    // Only an admin may change who leads a chain; others leave the field out.
    ...(isAdmin ? { leadChainIds: v.leadChainIds ?? [] } : {}),
  };
}

export function valuesToUpdate(v: EnterpriseFormValues, isAdmin: boolean, version: number): UpdateEnterpriseInput {
  return { ...valuesToCreate(v, isAdmin), version };
}
