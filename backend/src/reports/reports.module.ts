import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { RollupSweep } from './rollups/rollup-sweep';
import { RollupsRepository } from './rollups/rollups.repository';

@Module({
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService, RollupsRepository, RollupSweep],
  exports: [RollupSweep],
})
export class ReportsModule {}
