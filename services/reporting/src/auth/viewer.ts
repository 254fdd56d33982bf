import { AuthenticatedRequest, Principal, readScopeOf, ReadScope } from '@dpi/auth';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { PUBLIC_SCOPE } from './visibility';

/**
 * Who reads: the public (no token) or a token's principal at the registry. Which NON_PUBLIC
 * records (view `unpublished_record`) it reads is the one visibility rule's (@dpi/auth): all of
 * them for reviewers and admins, its own Land's for a Land editor, none for the public and
 * operators. Reads render that scope through ./visibility.ts.
 */
export interface Viewer {
  /** Reads every NON_PUBLIC record (role reviewer or admin). */
  reviewer: boolean;
  /** Which NON_PUBLIC records it reads. */
  scope: ReadScope;
  /** The token's name at the registry; null for the public. */
  name: string | null;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({
  reviewer: false,
  scope: PUBLIC_SCOPE,
  name: null,
});

export function viewerOf(principal: Principal | undefined): Viewer {
  if (!principal) return PUBLIC_VIEWER;
  const scope = readScopeOf(principal);
  return { reviewer: scope.all, scope, name: principal.name };
}

/** The request's viewer, from the principal the ViewerGuard (global, @dpi/auth) found. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer =>
  viewerOf(context.switchToHttp().getRequest<AuthenticatedRequest>().principal),
);
