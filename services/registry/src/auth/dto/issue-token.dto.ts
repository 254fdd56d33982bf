import { LAND_CODES } from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ROLES, type Role } from '../principal';

export class IssueTokenDto {
  @ApiProperty({
    example: 'hamburg-lgv-editor',
    description: 'Unique name, recorded as createdBy',
    pattern: '^[a-z0-9][a-z0-9._-]{2,62}$',
  })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,62}$/, {
    message: 'name must be 3–63 characters of a-z, 0-9, ".", "_", "-"',
  })
  @IsString()
  @IsDefined({ message: 'name is required' })
  name!: string;

  @ApiProperty({
    enum: ROLES,
    description:
      'admin: everything; land-editor: the records of one Land; reviewer: reads everything, ' +
      'writes nothing; operator: manages harvest sources and jobs, writes no records',
  })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({
    enum: LAND_CODES,
    description: 'Required for land-editor, not allowed otherwise',
  })
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  @IsOptional()
  landCode?: string;
}
