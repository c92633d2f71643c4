import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { iso } from '../common/time';
import type { AbsenceTable } from '../database/tables';

export class SetAbsenceDto {
  @ApiProperty({ example: '2026-12-21T00:00:00Z', description: 'When the absence begins (ISO 8601); now or earlier starts it at once' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: '2027-01-04T00:00:00Z', description: 'When it ends (ISO 8601), after `from`' })
  @IsISO8601({ strict: true })
  until!: string;

  @ApiProperty({ description: 'The active colleague who covers: tasks assigned meanwhile and notifications go to them' })
  @IsUUID()
  delegateId!: string;

  @ApiPropertyOptional({ example: 'Annual leave' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class AbsenceView {
  @ApiProperty() from!: string;
  @ApiProperty() until!: string;
  @ApiProperty() delegate!: { id: string; name: string | null };
  @ApiProperty() note!: string;
  @ApiProperty({ description: 'true between from and until' }) active!: boolean;
}

export class AbsenceResponse {
  @ApiProperty({ type: AbsenceView, nullable: true }) absence!: AbsenceView | null;
}

export function toAbsenceResponse(row: AbsenceTable | null, delegateName: string | null, now: number): AbsenceResponse {
  if (!row || row.untilAt <= now) return { absence: null };
  return {
    absence: {
      from: iso(row.fromAt)!,
      until: iso(row.untilAt)!,
      delegate: { id: row.delegateId, name: delegateName },
      note: row.note,
      active: row.fromAt <= now,
    },
  };
}

export class PersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, description: 'set while the person is away' }) away!: null | { until: string; delegate: { id: string; name: string | null } };
}
