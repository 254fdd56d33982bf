import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The 16 Länder, seeded by the initial migration. Read-only reference data. */
@Entity({ name: 'land' })
export class LandEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  abbr!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  capital!: string;

  @Column({ name: 'state_key_uri', type: 'text' })
  stateKeyUri!: string;
}
