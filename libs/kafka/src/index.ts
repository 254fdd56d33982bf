export * from './admin';
export * from './config';
export * from './consumer';
export * from './envelope';
export * from './health';
export * from './producer';
export * from './serde';
export * from './topics';
