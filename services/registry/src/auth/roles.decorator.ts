import { SetMetadata } from '@nestjs/common';
import { Role } from './principal';

export const ROLES_KEY = 'dpi:roles';

/** Restricts a route to these roles (checked by BearerAuthGuard after authentication). */
export const RequireRole = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
