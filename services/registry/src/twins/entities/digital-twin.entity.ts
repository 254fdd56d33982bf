import type {
  DigizDeRelation,
  RecordSource,
  ThreeDFormat,
  TwinCapability,
  TwinDataBasis,
  TwinKind,
  TwinScope,
  TwinUseCase,
} from '@dpi/domain';
import type { GeoJsonGeometry } from '../../records/geometry';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'digital_twin' })
export class DigitalTwinEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  /** null for federal twins. */
  @Column({ name: 'land_code', type: 'text', nullable: true }) landCode!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ type: 'text' }) scope!: TwinScope;
  @Column({ type: 'text' }) kind!: TwinKind;
  @Column({ name: 'maturity_level', type: 'integer' }) maturityLevel!: number;
  @Column({ type: 'text', array: true }) capabilities!: TwinCapability[];
  @Column({ name: 'use_cases', type: 'text', array: true }) useCases!: TwinUseCase[];
  @Column({ name: 'data_basis', type: 'text', array: true }) dataBasis!: TwinDataBasis[];
  @Column({ type: 'text', array: true }) formats!: ThreeDFormat[];
  @Column({ name: 'real_time', type: 'boolean' }) realTime!: boolean;
  @Column({ type: 'boolean' }) simulation!: boolean;
  @Column({ name: 'digiz_de', type: 'text' }) digizDe!: DigizDeRelation;
  @Column({ type: 'text', nullable: true }) homepage!: string | null;
  @Column({ type: 'geometry', spatialFeatureType: 'Geometry', srid: 4326, nullable: true })
  geometry!: GeoJsonGeometry | null;
  @Column({ name: 'platform_ids', type: 'uuid', array: true }) platformIds!: string[];
  @Column({ name: 'dataset_ids', type: 'uuid', array: true }) datasetIds!: string[];
  @Column({ type: 'text', default: 'manual' }) source!: RecordSource;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
}
