import { ProblemDetailsFilter } from '@dpi/service-kit';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AUTH_OPTIONS,
  Authorized,
  BearerAuthGuard,
  CurrentPrincipal,
  CurrentViewer,
  ViewerGuard,
} from './guards';
import type { Principal, Viewer } from './principal';
import { BootstrapAdminToken, FirstKnown, PrincipalResolver } from './resolvers';

const BOOTSTRAP = 'bootstrap-admin-token-0123456789';

/** Issued tokens as a registry would know them; `revoked` can be emptied by the test. */
const issued = new Map<string, Principal>([
  ['operator-token-0123456789', { name: 'ops', role: 'operator' }],
  ['reviewer-token-0123456789', { name: 'ag', role: 'reviewer' }],
  ['editor-token-0123456789ab', { name: 'hh', role: 'land-editor', landCode: 'DE-HH' }],
  ['revoked-token-0123456789a', { name: 'gone', role: 'admin' }],
]);

class IssuedTokens extends PrincipalResolver {
  async resolve(token: string): Promise<Principal | null> {
    return issued.get(token) ?? null;
  }
}

@Controller('things')
class ThingsController {
  @Get()
  read(@CurrentViewer() viewer: Viewer) {
    return { viewer: viewer?.name ?? null };
  }

  @Post()
  @Authorized(['admin', 'operator'])
  write(@CurrentPrincipal() principal: Principal) {
    return { by: principal.name };
  }

  @Get('mine')
  @Authorized([])
  mine(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}

@Module({
  controllers: [ThingsController],
  providers: [
    {
      provide: PrincipalResolver,
      useValue: new FirstKnown(new BootstrapAdminToken(BOOTSTRAP), new IssuedTokens()),
    },
    { provide: AUTH_OPTIONS, useValue: { realm: 'test' } },
    BearerAuthGuard,
    { provide: APP_GUARD, useClass: ViewerGuard },
  ],
})
class TestModule {}

describe('BearerAuthGuard and ViewerGuard', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), {
      logger: false,
    });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app?.close());

  const call = (method: 'GET' | 'POST', url: string, authorization?: string) =>
    app.inject({ method, url, headers: authorization ? { authorization } : {} });

  it('answers 401 with a challenge and a problem document for no, malformed and unknown tokens', async () => {
    for (const [authorization, detail] of [
      [undefined, 'a bearer token is required'],
      ['Basic dXNlcjpwYXNz', 'the Authorization header must be "Bearer <token>"'],
      ['Bearer short', 'the Authorization header must be "Bearer <token>"'],
      ['Bearer unknown-token-0123456789', 'the bearer token is not valid or was revoked'],
    ] as const) {
      const response = await call('POST', '/things', authorization);
      expect({ authorization, status: response.statusCode }).toEqual({
        authorization,
        status: 401,
      });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="test"');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 401, title: 'Unauthorized', detail });
    }
  });

  it('answers 403 without a challenge for a known token without the role', async () => {
    for (const token of ['reviewer-token-0123456789', 'editor-token-0123456789ab']) {
      const response = await call('POST', '/things', `Bearer ${token}`);
      expect({ token, status: response.statusCode }).toEqual({ token, status: 403 });
      expect(response.headers['www-authenticate']).toBeUndefined();
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().detail).toMatch(/needs the role admin or operator; the token has/);
    }
  });

  it('lets the roles through, with the scheme in any case', async () => {
    for (const [authorization, by] of [
      ['Bearer operator-token-0123456789', 'ops'],
      ['bearer operator-token-0123456789', 'ops'],
      [`BEARER  ${BOOTSTRAP}`, 'admin'],
    ]) {
      const response = await call('POST', '/things', authorization);
      expect({ authorization, status: response.statusCode }).toEqual({
        authorization,
        status: 201,
      });
      expect(response.json()).toEqual({ by });
    }
    // Without roles: any known token.
    const mine = await call('GET', '/things/mine', 'Bearer editor-token-0123456789ab');
    expect(mine.json()).toEqual({ name: 'hh', role: 'land-editor', landCode: 'DE-HH' });
  });

  it('refuses a token once it is revoked', async () => {
    const token = 'Bearer revoked-token-0123456789a';
    expect((await call('POST', '/things', token)).statusCode).toBe(201);
    issued.delete('revoked-token-0123456789a');
    expect((await call('POST', '/things', token)).statusCode).toBe(401);
    expect((await call('GET', '/things', token)).statusCode).toBe(401);
  });

  it('keeps reads open, reads with a token as its principal, and refuses a bad token on reads', async () => {
    const anonymous = await call('GET', '/things');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ viewer: null });
    expect(anonymous.headers.vary).toMatch(/authorization/i);
    const reviewer = await call('GET', '/things', 'Bearer reviewer-token-0123456789');
    expect(reviewer.json()).toEqual({ viewer: 'ag' });
    const unknown = await call('GET', '/things', 'Bearer unknown-token-0123456789');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['www-authenticate']).toBe('Bearer realm="test"');
  });
});
