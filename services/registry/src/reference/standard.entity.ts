import type { StandardCategory } from '@dpi/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The standards reference list (seeded from the reference facts, maintained by admins). */
@Entity({ name: 'standard' })
export class StandardEntity {
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text' }) version!: string;
  @Column({ type: 'text' }) category!: StandardCategory;
  @Column({ type: 'text', nullable: true }) url!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
