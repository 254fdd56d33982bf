import { LAND_CODES } from '@dpi/domain';
import { parseArgs } from 'node:util';
import { ApiClientsService } from '../auth/api-clients.service';
import { ROLES, Role } from '../auth/principal';

export const TOKENS_USAGE = `usage:
  tokens issue --name <name> --role <${ROLES.join('|')}> [--land <DE-XX>]   prints the new token once
  tokens list
  tokens revoke <name|id>`;

export class UsageError extends Error {}

/** The tokens command on an ApiClientsService; returns what to print. */
export async function tokensCommand(argv: string[], clients: ApiClientsService): Promise<string> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'issue': {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, role: { type: 'string' }, land: { type: 'string' } },
        strict: true,
      });
      if (!values.name || !values.role) throw new UsageError('issue needs --name and --role');
      if (!(ROLES as readonly string[]).includes(values.role))
        throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      if (values.land && !LAND_CODES.includes(values.land))
        throw new UsageError(`--land must be one of ${LAND_CODES.join(', ')}`);
      const { client, token } = await clients.issue(
        { name: values.name, role: values.role as Role, landCode: values.land ?? null },
        'cli',
      );
      return `issued ${client.role} token "${client.name}"${client.landCode ? ` for ${client.landCode}` : ''} (id ${client.id}):\n${token}\nStore it now: only its SHA-256 digest is kept.`;
    }
    case 'list': {
      const rows = (await clients.list()).map(
        (c) =>
          `${c.name}\t${c.role}\t${c.landCode ?? '-'}\t${c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : 'active'}\t${c.id}`,
      );
      return rows.length
        ? `name\trole\tLand\tstate\tid\n${rows.join('\n')}`
        : 'no tokens issued yet';
    }
    case 'revoke': {
      if (rest.length !== 1) throw new UsageError('revoke needs exactly one name or id');
      const client = await clients.revoke(rest[0]);
      return `revoked token "${client.name}"`;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}
