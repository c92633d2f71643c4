import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequirePermission } from '../auth/decorators';
import { reportCsv } from './report-columns';
import { ReportName, ReportQueryDto, ReportResponse } from './reports.dto';
import { ReportsService } from './reports.service';

type ReportReply = ReportResponse<unknown> | string;

@ApiTags('reports')
@ApiProduces('application/json', 'text/csv')
@RequirePermission('reports:read')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('volume')
  volume(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send('volume', query, reply);
  }

  /** Live cases apart from those that need attention (failed) and the closed ones. */
  @Get('caseload')
  caseload(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send('caseload', query, reply);
  }

  @Get('time-in-stage')
  timeInStage(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send('time-in-stage', query, reply);
  }

  @Get('overdue')
  overdue(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send('overdue', query, reply);
  }

  @Get('stalled')
  stalled(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send('stalled', query, reply);
  }

  @Get('decisions')
  decisions(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send('decisions', query, reply);
  }

  @Get('escalations')
  escalations(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send('escalations', query, reply);
  }

  @Get('outcomes')
  outcomes(@Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send('outcomes', query, reply);
  }

  /** `?format=csv` is the same report as a download. */
  private async send(report: ReportName, query: ReportQueryDto, reply: FastifyReply): Promise<ReportReply> {
    const result = await this.reports.run(report, query);
    if (query.format !== 'csv') return result;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="${report}.csv"`);
    return reportCsv(report, result.rows);
  }
}
