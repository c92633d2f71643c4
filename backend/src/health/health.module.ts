import { Controller, Get, Module, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { Database } from '../database/database';
import { HealthRepository } from './health.repository';
import { Readiness, ReadinessCheck } from './readiness';

@ApiTags('health')
@Controller('health')
class HealthController {
  constructor(
    private readonly db: Database,
    private readonly repository: HealthRepository,
    private readonly readiness: ReadinessCheck,
  ) {}

  /** Liveness: the process answers and reaches its database. Cheap, so it may be polled often. */
  @Public()
  @Get()
  async health(): Promise<{ status: 'ok'; database: string }> {
    await this.repository.ping();
    return { status: 'ok', database: this.db.dataSource.options.type };
  }

  /** Readiness: 200 when the database takes a committed write, else 503 with the reason (cached ~1 s). */
  @Public()
  @Get('ready')
  @ApiResponse({ status: 503, description: '{ status: "not ready", reason }' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const answer = await this.readiness.check();
    if (answer.status !== 'ready') void reply.status(503);
    return answer;
  }
}

@Module({ controllers: [HealthController], providers: [HealthRepository, ReadinessCheck] })
export class HealthModule {}
