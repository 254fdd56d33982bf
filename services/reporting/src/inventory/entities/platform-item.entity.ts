import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'platform_item' })
export class PlatformItemEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'land_code', type: 'text' }) landCode!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'boolean' }) deleted!: boolean;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column({ name: 'last_event_id', type: 'text' }) lastEventId!: string;
}
