// One "requires one of these roles" for every service: @dpi/auth.
export { RequireRole, ROLES_KEY } from '@dpi/auth';
