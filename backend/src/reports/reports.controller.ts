import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
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
  volume(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send(actor, 'volume', query, reply);
  }

  /** Live cases apart from those that need attention (failed) and the closed ones. */
  @Get('caseload')
  caseload(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send(actor, 'caseload', query, reply);
  }

  @Get('time-in-stage')
  timeInStage(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send(actor, 'time-in-stage', query, reply);
  }

  @Get('overdue')
  overdue(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send(actor, 'overdue', query, reply);
  }

  @Get('stalled')
  stalled(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send(actor, 'stalled', query, reply);
  }

  @Get('decisions')
  decisions(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send(actor, 'decisions', query, reply);
  }

  @Get('escalations')
  escalations(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send(actor, 'escalations', query, reply);
  }

  @Get('outcomes')
  outcomes(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send(actor, 'outcomes', query, reply);
  }

  /** Messages per process and kind, by delivery status; `?kind=` for one kind. */
  @Get('messages')
  messages(@CurrentActor() actor: Actor, @Query() query: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportReply> {
    return this.send(actor, 'messages', query, reply);
  }

  /** `?format=csv` is the same report as a download. */
  private async send(actor: Actor, report: ReportName, query: ReportQueryDto, reply: FastifyReply): Promise<ReportReply> {
    const result = await this.reports.run(actor, report, query);
    if (query.format !== 'csv') return result;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="${report}.csv"`);
    return reportCsv(report, result.rows);
  }
}
