export * from './digital-twin';
export * from './endpoint';
export * from './enum-codec';
export * from './laender';
export * from './organisation';
export * from './platform';
