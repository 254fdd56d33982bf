export * from './roles';
export * from './principal';
export * from './visibility';
export * from './token';
export * from './resolvers';
export * from './remote-principals';
export * from './guards';
