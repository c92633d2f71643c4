import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { iso } from '../common/time';
import { USER_ROLES, UserRole, UserTable } from '../database/tables';
import type { QueueRef } from '../queues/queues.dto';

export const PASSWORD_MIN_LENGTH = 10;

const lowercase = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'ada@example.com' }) @Transform(lowercase) @IsEmail() @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace' }) @IsString() @MinLength(1) @MaxLength(200)
  name!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH }) @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: USER_ROLES }) @IsIn(USER_ROLES)
  role!: UserRole;
}

export class UpdateUserDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: USER_ROLES }) @IsOptional() @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ description: 'false signs the user out everywhere and refuses new sign-ins' })
  @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH }) @IsOptional() @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200)
  password?: string;
}

export interface UserResponse {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  queues: QueueRef[];
  createdAt: string;
}

export const toUserResponse = (user: UserTable, queues: QueueRef[]): UserResponse => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  active: user.active,
  queues,
  createdAt: iso(user.createdAt)!,
});
