import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../principal';

/** A bearer-token holder. Only the token's SHA-256 digest is stored. */
@Entity({ name: 'api_client' })
export class ApiClientEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ name: 'land_code', type: 'text', nullable: true }) landCode!: string | null;
  @Column({ name: 'token_sha256', type: 'bytea' }) tokenSha256!: Buffer;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}
