// One bearer authentication for every service (401 / 403 problem documents): @dpi/auth. The
// registry's own part is which tokens exist: RegistryTokens.
export { BearerAuthGuard, type AuthenticatedRequest } from '@dpi/auth';
