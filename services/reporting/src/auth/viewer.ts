import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * Who reads: the public (no token) or a reviewer of the AG (a registry token with the role
 * `reviewer` or `admin`). Only reviewers see unpublished records (view `unpublished_record`).
 * A Land editor's token reads what the public reads.
 */
export interface Viewer {
  /** Sees unpublished records. */
  reviewer: boolean;
  /** The token's name at the registry; null for the public. */
  name: string | null;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ reviewer: false, name: null });

export const REVIEWER_ROLES: readonly string[] = ['reviewer', 'admin'];

export type RequestWithViewer = { viewer?: Viewer };

/** The request's viewer, as the ViewerGuard found it. */
export const CurrentViewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Viewer =>
    context.switchToHttp().getRequest<RequestWithViewer>().viewer ?? PUBLIC_VIEWER,
);
