import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { LAND_SCOPED_ROLES, tokenDigest } from '@dpi/auth';
import { isUniqueViolation } from '@dpi/db';
import { randomBytes, randomUUID } from 'node:crypto';
import { ApiClientsRepository } from './api-clients.repository';
import { ApiClientEntity } from './entities/api-client.entity';
import { Principal, Role } from './principal';

export interface IssuedToken {
  client: ApiClientEntity;
  /** Shown once; only its digest is stored. */
  token: string;
}

/** Issues, lists and revokes bearer tokens: used by the admin API and the tokens CLI. */
@Injectable()
export class ApiClientsService {
  constructor(private readonly repository: ApiClientsRepository) {}

  async issue(
    input: { name: string; role: Role; landCode?: string | null },
    issuedBy: string,
  ): Promise<IssuedToken> {
    if (LAND_SCOPED_ROLES.includes(input.role) !== Boolean(input.landCode)) {
      throw new BadRequestException(
        'landCode is required for land-editor tokens and not allowed for other roles',
      );
    }
    const token = `dpi_${randomBytes(32).toString('base64url')}`;
    const client = Object.assign(new ApiClientEntity(), {
      id: randomUUID(),
      name: input.name,
      role: input.role,
      landCode: input.landCode ?? null,
      tokenSha256: tokenDigest(token),
      createdBy: issuedBy,
      createdAt: new Date(),
      revokedAt: null,
    });
    try {
      await this.repository.insert(client);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictException(`a token named "${input.name}" exists already`);
      throw error;
    }
    return { client, token };
  }

  list(): Promise<ApiClientEntity[]> {
    return this.repository.list();
  }

  async revoke(idOrName: string): Promise<ApiClientEntity> {
    const client = await this.repository.findByIdOrName(idOrName);
    if (!client) throw new NotFoundException(`no token "${idOrName}"`);
    if (!(await this.repository.revoke(client.id, new Date()))) {
      throw new ConflictException(`token "${client.name}" is already revoked`);
    }
    return client;
  }

  /** The principal a presented token stands for, or null when unknown or revoked. */
  async authenticate(token: string): Promise<Principal | null> {
    const client = await this.repository.findActiveByDigest(tokenDigest(token));
    if (!client) return null;
    return {
      name: client.name,
      role: client.role,
      ...(client.landCode ? { landCode: client.landCode } : {}),
    };
  }
}
