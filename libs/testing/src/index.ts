export * from './eventually';
export * from './infra';
export * from './kafka-probe';
export * from './namespace';
export * from './service-process';
export * from './free-port';
export * from './run';
export * from './tcp-proxy';
