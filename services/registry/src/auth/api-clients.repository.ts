import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ApiClientEntity } from './entities/api-client.entity';

/** The only code that touches api_client. Usable outside Nest (the tokens CLI). */
@Injectable()
export class ApiClientsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findActiveByDigest(digest: Buffer): Promise<ApiClientEntity | null> {
    return this.dataSource
      .getRepository(ApiClientEntity)
      .findOneBy({ tokenSha256: digest, revokedAt: IsNull() });
  }

  findByIdOrName(idOrName: string): Promise<ApiClientEntity | null> {
    const byId = /^[0-9a-f-]{36}$/.test(idOrName);
    return this.dataSource
      .getRepository(ApiClientEntity)
      .findOneBy(byId ? { id: idOrName } : { name: idOrName });
  }

  async insert(client: ApiClientEntity): Promise<void> {
    await this.dataSource.getRepository(ApiClientEntity).insert(client);
  }

  list(): Promise<ApiClientEntity[]> {
    return this.dataSource.getRepository(ApiClientEntity).find({ order: { createdAt: 'ASC' } });
  }

  /** Marks the client revoked; returns false when it was already revoked or does not exist. */
  async revoke(id: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ApiClientEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
