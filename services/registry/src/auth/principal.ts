export type Role = 'admin' | 'land-editor' | 'reviewer';

export interface Principal {
  /** Token name, recorded as createdBy. */
  name: string;
  role: Role;
  /** Set for land-editor tokens: the one Land they may write. */
  landCode?: string;
}
