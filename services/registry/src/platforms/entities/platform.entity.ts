import type {
  AccessRight,
  AdministrativeLevel,
  EuTheme,
  FundingSource,
  PlatformStatus,
  PlatformType,
  RecordSource,
  Reusability,
} from '@dpi/domain';
import type { GeoJsonGeometry } from '../../records/geometry';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'platform' })
export class PlatformEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'land_code', type: 'text' })
  landCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  homepage!: string | null;

  @Column({ type: 'text' })
  type!: PlatformType;

  @Column({ type: 'text' })
  status!: PlatformStatus;

  @Column({ name: 'operator_organisation_id', type: 'uuid', nullable: true })
  operatorOrganisationId!: string | null;

  @Column({ name: 'administrative_level', type: 'text', nullable: true })
  administrativeLevel!: AdministrativeLevel | null;

  @Column({ type: 'text', array: true })
  themes!: EuTheme[];

  /** Codes of the standards reference list. */
  @Column({ type: 'text', array: true })
  standards!: string[];

  @Column({ name: 'open_source', type: 'boolean' })
  openSource!: boolean;

  @Column({ name: 'repository_url', type: 'text', nullable: true })
  repositoryUrl!: string | null;

  @Column({ type: 'text', array: true })
  components!: string[];

  @Column({ type: 'text' })
  reusability!: Reusability;

  @Column({ type: 'text', array: true })
  funding!: FundingSource[];

  @Column({ name: 'access_rights', type: 'text' })
  accessRights!: AccessRight;

  @Column({ type: 'geometry', spatialFeatureType: 'Geometry', srid: 4326, nullable: true })
  geometry!: GeoJsonGeometry | null;

  @Column({ name: 'endpoint_ids', type: 'uuid', array: true })
  endpointIds!: string[];

  @Column({ name: 'dataset_ids', type: 'uuid', array: true })
  datasetIds!: string[];

  @Column({ type: 'text', default: 'manual' })
  source!: RecordSource;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
