import { Controller, Get, Header, Headers, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MethodQuery } from './dto/method.query';
import { MethodView } from './dto/method.views';
import { describeMethod, methodLanguage } from './method';

/** The "Methode" page: how findings, quality score and map colours are made. Public. */
@ApiTags('method')
@Controller('api/v1')
export class MethodController {
  @Get('method')
  @Header('cache-control', 'public, max-age=300')
  @Header('vary', 'Authorization, Accept-Language')
  @ApiOperation({
    summary: 'The method: every rule, the quality score and the map’s colour classes',
    description:
      'Every Handlungsbedarf rule (what it checks, why, severity, how to fix a finding), the ' +
      'severities, the metadata quality score (points per criterion, from the quality method ' +
      'in force, and the rating bands) and how the map’s colour classes are made. German or ' +
      'English by `lang`, else by Accept-Language.',
  })
  @ApiHeader({ name: 'accept-language', required: false, example: 'en-GB,en;q=0.9' })
  @ApiOkResponse({ type: MethodView })
  method(
    @Query() query: MethodQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): MethodView {
    return describeMethod(methodLanguage(query.lang, acceptLanguage));
  }
}
