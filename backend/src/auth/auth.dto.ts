import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '../users/users.dto';

export class LoginDto {
  @ApiProperty() @IsEmail() @MaxLength(320) email!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword!: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH }) @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) newPassword!: string;
}

export interface MeResponse {
  type: string;
  id: string | null;
  name: string;
  role: string | null;
  permissions: string[];
}

export interface CredentialCheckResponse {
  actor: MeResponse;
  /** ok; missing: the caller sent no proof (its credential has no signing secret); mismatch: a different secret; not-configured: this backend has no CASEFLOW_SIGNING_SECRET. */
  signing: 'ok' | 'missing' | 'mismatch' | 'not-configured';
}
