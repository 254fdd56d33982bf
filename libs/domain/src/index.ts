export * from './laender';
export * from './platform';
