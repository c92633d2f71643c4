import { Entity, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';

/**
 * One row the readiness check writes on every probe (GET /health/ready): a committed write is the
 * only proof that the database file, its disk and the connection all still take writes.
 */
@Entity('health_probe')
export class HealthProbeTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @TimeColumn({ name: 'checked_at' }) checkedAt!: number;
}
