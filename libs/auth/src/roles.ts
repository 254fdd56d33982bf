/**
 * The roles of the project's bearer tokens (issued by the registry, table api_client):
 * - `admin`: everything;
 * - `land-editor`: writes the records of one Land (the token's landCode);
 * - `reviewer`: the AG; reads everything, NON_PUBLIC records included, writes nothing;
 * - `operator`: manages harvest sources and harvest jobs; writes no records and reads like the
 *   public as far as NON_PUBLIC records go.
 */
export const ROLES = ['admin', 'land-editor', 'reviewer', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** Roles whose tokens belong to one Land (landCode required; not allowed for the others). */
export const LAND_SCOPED_ROLES: readonly Role[] = ['land-editor'];

/** Who manages the harvester's sources and jobs. */
export const HARVEST_MANAGER_ROLES: readonly Role[] = ['admin', 'operator'];
