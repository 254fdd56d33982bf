import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/**
 * Whether the service is shutting down. From the signal on, /health/ready answers 503, so a load
 * balancer (a Kubernetes Service) stops sending new work while what is in flight finishes.
 */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private since: Date | null = null;

  get draining(): boolean {
    return this.since !== null;
  }

  /** Called by the signal handler (bootstrapService) and, at the latest, by Nest's close. */
  begin(): void {
    this.since ??= new Date();
  }

  beforeApplicationShutdown(): void {
    this.begin();
  }
}
