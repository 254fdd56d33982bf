import type { AdministrativeLevel, Network, OrganisationType, RecordSource } from '@dpi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface ContactDetails {
  name?: string;
  email?: string;
  phone?: string;
}

@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  /** null for federal organisations. */
  @Column({ name: 'land_code', type: 'text', nullable: true }) landCode!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'short_name', type: 'text', default: '' }) shortName!: string;
  @Column({ type: 'text' }) level!: AdministrativeLevel;
  @Column({ type: 'text' }) type!: OrganisationType;
  @Column({ type: 'text', nullable: true }) homepage!: string | null;
  @Column({ type: 'jsonb', nullable: true }) contact!: ContactDetails | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) networks!: Network[];
  @Column({ type: 'text', default: 'manual' }) source!: RecordSource;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
}
