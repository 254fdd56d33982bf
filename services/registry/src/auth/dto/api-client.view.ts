import { LAND_CODES } from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiClientEntity } from '../entities/api-client.entity';
import { ROLES } from '../principal';

export class ApiClientView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ enum: LAND_CODES, nullable: true, type: String }) landCode!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) revokedAt!:
    string | null;

  static of(client: ApiClientEntity): ApiClientView {
    return {
      id: client.id,
      name: client.name,
      role: client.role,
      landCode: client.landCode,
      createdBy: client.createdBy,
      createdAt: client.createdAt.toISOString(),
      revokedAt: client.revokedAt?.toISOString() ?? null,
    };
  }
}

export class IssuedTokenView extends ApiClientView {
  @ApiProperty({ description: 'The bearer token. Shown only in this response; store it now.' })
  token!: string;
}
