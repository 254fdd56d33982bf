export * from './digital-twin';
export * from './enum-codec';
export * from './laender';
export * from './organisation';
export * from './platform';
