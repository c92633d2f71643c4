import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PauseSlaDto {
  @ApiPropertyOptional({ example: 'Waiting for the student to send their timetable' })
  @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;
}
