// The roles and the principal are the same in every service: @dpi/auth.
export { ROLES, type Principal, type Role } from '@dpi/auth';
