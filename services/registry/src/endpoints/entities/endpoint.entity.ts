import type { EndpointAuthentication, RecordSource, ServiceType } from '@dpi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'endpoint' })
export class EndpointEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'land_code', type: 'text', nullable: true }) landCode!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'service_type', type: 'text' }) serviceType!: ServiceType;
  @Column({ name: 'service_version', type: 'text' }) serviceVersion!: string;
  @Column({ type: 'text' }) url!: string;
  @Column({ name: 'capabilities_url', type: 'text', nullable: true }) capabilitiesUrl!:
    string | null;
  @Column({ type: 'text' }) authentication!: EndpointAuthentication;
  @Column({ type: 'text', array: true }) crs!: string[];
  @Column({ type: 'text', default: 'manual' }) source!: RecordSource;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
}
