import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { InstanceResponse } from '../instances/instances.dto';

export class TakeResumeDto {
  @ApiPropertyOptional({ description: 'The task a decision, time-out or release was delivered for' })
  @IsOptional() @IsUUID()
  taskId?: string;

  @ApiPropertyOptional({ description: 'The timer a fire or release was delivered for' })
  @IsOptional() @IsUUID()
  timerId?: string;
}

export class TakeResumeResponse {
  @ApiProperty({ description: 'true: go on with the execution; false: answer the call and change nothing' }) taken!: boolean;
  @ApiProperty({ enum: ['already-taken', 'superseded'], nullable: true, type: String })
  reason!: 'already-taken' | 'superseded' | null;
  @ApiProperty({ description: 'The case as it is now, when taken', nullable: true, type: Object })
  instance!: InstanceResponse | null;
}
