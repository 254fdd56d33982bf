import { join, resolve } from 'node:path';
import { ConfigValidationError, loadConfig, READINESS_TIMEOUT_MS } from './config';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'info',
      reportingUrl: 'http://127.0.0.1:3003',
      registryUrl: 'http://127.0.0.1:3001',
      webRoot: join(__dirname, '../web'),
      readinessTimeoutMs: READINESS_TIMEOUT_MS,
    });
  });

  it('reads the environment and drops a trailing slash from the reporting URL', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      REPORTING_URL: 'http://reporting:3003/',
      REGISTRY_URL: 'http://registry:3001/',
      WEB_ROOT: 'some/dir',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      logLevel: 'warn',
      reportingUrl: 'http://reporting:3003',
      registryUrl: 'http://registry:3001',
      webRoot: resolve('some/dir'),
    });
  });

  it('names every invalid variable at once', () => {
    const load = () =>
      loadConfig({ PORT: 'achtzig', LOG_LEVEL: 'loud', REPORTING_URL: 'reporting:3003' });
    expect(load).toThrow(ConfigValidationError);
    expect(load).toThrow(/PORT: .*\n.*LOG_LEVEL: .*\n.*REPORTING_URL: /);
  });

  it.each(['ftp://reporting', 'not a url'])('rejects REPORTING_URL %p', (url) => {
    expect(() => loadConfig({ REPORTING_URL: url })).toThrow(/REPORTING_URL/);
  });

  it.each(['ftp://registry', 'not a url'])('rejects REGISTRY_URL %p', (url) => {
    expect(() => loadConfig({ REGISTRY_URL: url })).toThrow(/REGISTRY_URL/);
  });

  it.each(['-1', '65536', '80.5'])('rejects PORT %p', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT/);
  });
});
