import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { iso } from '../common/time';
import { Database } from '../database/database';
import { LiveMapQueryDto, LiveMapResponse } from './live-map.dto';
import { toPeriod } from './live-map-period';
import { CaseFilter, LiveMapRepository } from './live-map.repository';
import { toLiveMapResponse } from './live-map.response';

@Injectable()
export class LiveMapService {
  constructor(
    private readonly db: Database,
    private readonly repository: LiveMapRepository,
    private readonly clock: Clock,
    private readonly scope: CaseScopeService,
  ) {}

  /** Like the reports, a reviewer's map counts only the cases they may see (case-scope.ts). */
  async get(actor: Actor, processKey: string, query: LiveMapQueryDto): Promise<LiveMapResponse> {
    const now = this.clock.now();
    const period = toPeriod(query, now);
    return this.db.read(async () => {
      const filter: CaseFilter = { processKey, version: query.version ?? null, scope: this.scope.condition(await this.scope.of(actor)) };
      const versions = await this.repository.versions(filter);
      if (versions.length === 0) {
        throw new NotFoundException(query.version === undefined ? `No process ${processKey}` : `No version ${query.version} of process ${processKey}`);
      }
      const [cases, breached, overdue, visits, decisions] = await Promise.all([
        this.repository.cases(filter, period),
        this.repository.breachedVisits(filter),
        this.repository.overdueTasks(filter, now),
        this.repository.visits(filter, period),
        this.repository.decisions(filter, period),
      ]);
      return toLiveMapResponse({
        processKey, version: filter.version, period, generatedAt: iso(now)!,
        definedStages: versions.flatMap((v) => v.stages.map((s) => s.key)),
        cases, breached, overdue, visits, decisions,
      });
    });
  }
}
