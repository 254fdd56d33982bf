export * from './config';
export * from './data-source';
export * from './errors';
export * from './outbox/outbox-event.entity';
export * from './outbox/outbox.migration-sql';
export * from './outbox/outbox.relay';
export * from './outbox/outbox.writer';
export * from './statement';
