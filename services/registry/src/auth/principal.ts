export const ROLES = ['admin', 'land-editor', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** Token name, recorded as createdBy / changedBy. */
  name: string;
  role: Role;
  /** Set for land-editor tokens: the one Land they may write. */
  landCode?: string;
}
