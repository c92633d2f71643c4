import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { InstanceResponse } from '../instances/instances.dto';

export class TakeResumeDto {
  @ApiPropertyOptional({ description: 'The task a decision, time-out or release was delivered for' })
  @IsOptional() @IsUUID()
  taskId?: string;

  @ApiPropertyOptional({ description: 'The timer a fire or release was delivered for' })
  @IsOptional() @IsUUID()
  timerId?: string;

  @ApiPropertyOptional({
    description:
      "The resume call's x-caseflow-idempotency-key. The call that took a wait takes it again when it comes back (its first answer was lost); any other is answered already-taken.",
  })
  @IsOptional() @IsString() @Length(1, 200)
  deliveryKey?: string;
}

export class TakeResumeResponse {
  @ApiProperty({ description: 'true: go on with the execution; false: answer the call and change nothing' }) taken!: boolean;
  @ApiProperty({ enum: ['already-taken', 'superseded'], nullable: true, type: String })
  reason!: 'already-taken' | 'superseded' | null;
  @ApiProperty({ description: 'The case as it is now, when taken', nullable: true, type: Object })
  instance!: InstanceResponse | null;
}
