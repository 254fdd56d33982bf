export * from './topics';
export * from './gen/dpi/common/v1/envelope_pb';
export * from './gen/dpi/registry/v1/common_pb';
export * from './gen/dpi/registry/v1/digital_twin_pb';
export * from './gen/dpi/registry/v1/endpoint_pb';
export * from './gen/dpi/registry/v1/organisation_pb';
export * from './gen/dpi/registry/v1/platform_pb';
