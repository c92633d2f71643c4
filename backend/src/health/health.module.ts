import { Controller, Get, Module } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { Database } from '../database/database';

@ApiTags('health')
@Controller('health')
class HealthController {
  constructor(private readonly db: Database) {}

  @Public()
  @Get()
  async health(): Promise<{ status: 'ok'; database: string }> {
    await this.db.read(() => this.db.manager.query('SELECT 1'));
    return { status: 'ok', database: this.db.dataSource.options.type };
  }
}

@Module({ controllers: [HealthController] })
export class HealthModule {}
