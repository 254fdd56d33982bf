export * from './bootstrap';
export * from './config';
export * from './health/health.module';
export * from './kafka/kafka.module';
export * from './logger';
export * from './problem';
export * from './service-core.module';
