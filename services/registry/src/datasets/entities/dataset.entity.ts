import type {
  AccessRight,
  EuTheme,
  Frequency,
  GeocodingLevel,
  HierarchyLevel,
  RecordSource,
} from '@dpi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GeoJsonGeometry } from '../../records/geometry';

/** One way to get the data (dcat:Distribution), stored as JSON on the dataset. */
export interface Distribution {
  format: string;
  mediaType: string | null;
  accessUrl: string;
  downloadUrl: string | null;
  title: string | null;
  /** Endpoint serving it (dcat:accessService). */
  accessServiceId: string | null;
}

@Entity({ name: 'dataset' })
export class DatasetEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  /** null for federal datasets. */
  @Column({ name: 'land_code', type: 'text', nullable: true }) landCode!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ type: 'text', nullable: true }) publisher!: string | null;
  @Column({ name: 'contact_name', type: 'text', nullable: true }) contactName!: string | null;
  @Column({ name: 'contact_email', type: 'text', nullable: true }) contactEmail!: string | null;
  @Column({ name: 'contact_url', type: 'text', nullable: true }) contactUrl!: string | null;
  @Column({ type: 'text', array: true }) themes!: EuTheme[];
  @Column({ type: 'text', array: true }) keywords!: string[];
  /** dcat-ap.de licence URI. */
  @Column({ type: 'text', nullable: true }) licence!: string | null;
  @Column({ name: 'licence_text', type: 'text', nullable: true }) licenceText!: string | null;
  @Column({ name: 'access_rights', type: 'text' }) accessRights!: AccessRight;
  @Column({ name: 'accrual_periodicity', type: 'text', nullable: true })
  accrualPeriodicity!: Frequency | null;
  @Column({ type: 'text', nullable: true }) issued!: string | null;
  @Column({ type: 'text', nullable: true }) modified!: string | null;
  @Column({ name: 'temporal_start', type: 'text', nullable: true }) temporalStart!: string | null;
  @Column({ name: 'temporal_end', type: 'text', nullable: true }) temporalEnd!: string | null;
  /** [west, south, east, north]; its polygon is in `geometry`. */
  @Column({ type: 'double precision', array: true, nullable: true }) bbox!: number[] | null;
  @Column({ type: 'geometry', spatialFeatureType: 'Geometry', srid: 4326, nullable: true })
  geometry!: GeoJsonGeometry | null;
  @Column({ name: 'political_geocoding_uri', type: 'text', nullable: true })
  politicalGeocodingUri!: string | null;
  @Column({ name: 'political_geocoding_level', type: 'text', nullable: true })
  politicalGeocodingLevel!: GeocodingLevel | null;
  @Column({ name: 'conforms_to', type: 'text', array: true }) conformsTo!: string[];
  @Column({ type: 'jsonb' }) distributions!: Distribution[];
  @Column({ name: 'open_data', type: 'boolean' }) openData!: boolean;
  @Column({ type: 'boolean' }) inspire!: boolean;
  @Column({ name: 'resource_identifier', type: 'text', nullable: true })
  resourceIdentifier!: string | null;
  @Column({ name: 'hierarchy_level', type: 'text' }) hierarchyLevel!: HierarchyLevel;
  @Column({ name: 'endpoint_ids', type: 'uuid', array: true }) endpointIds!: string[];
  @Column({ name: 'harvest_source_id', type: 'uuid', nullable: true })
  harvestSourceId!: string | null;
  @Column({ name: 'harvest_source_name', type: 'text', nullable: true })
  harvestSourceName!: string | null;
  @Column({ name: 'harvest_file_identifier', type: 'text', nullable: true })
  harvestFileIdentifier!: string | null;
  @Column({ name: 'harvest_job_id', type: 'uuid', nullable: true }) harvestJobId!: string | null;
  @Column({ name: 'harvest_checksum', type: 'text', nullable: true })
  harvestChecksum!: string | null;
  @Column({ name: 'harvested_at', type: 'timestamptz', nullable: true })
  harvestedAt!: Date | null;
  @Column({ type: 'text', default: 'manual' }) source!: RecordSource;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
}
