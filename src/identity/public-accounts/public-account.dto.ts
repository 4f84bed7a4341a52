import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LoginResponseDto } from '../auth/login.response';
import { MIN_PASSWORD_LENGTH } from '../auth/password-hasher';
import { IsNotCommonPassword } from '../../config/password-policy';

export class PublicSignUpDto {
  @ApiProperty({ example: 'phaply@congty-abc.vn' }) @IsEmail() @MaxLength(254) email: string;

  @ApiProperty({ example: 'Nguyễn Văn An', description: 'shown with the comments' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  displayName: string;

  @ApiPropertyOptional({
    example: '0101248141',
    description:
      'mã số thuế: 10 digits, or 10-3 for a branch; the check digit is verified, the registration is not (taxCodeVerified: false)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  taxCode?: string;

  @ApiPropertyOptional({ example: 'Công ty TNHH ABC', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  organisation?: string;
}

export class PublicSignUpResponseDto {
  @ApiProperty({
    example: 'verification_sent',
    description:
      'always the same answer, whether or not the address already has an account (no account discovery)',
  })
  status: string;
  @ApiProperty({ description: 'hours the link stays valid', example: 24 })
  expiresInHours: number;
}

export class PublicVerifyDto {
  @ApiProperty({ description: 'the token from the e-mailed link' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;

  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    description: 'the password for later logins at POST /auth/login',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  @IsNotCommonPassword()
  password: string;
}

export class PublicProfileDto {
  @ApiProperty({ type: String, nullable: true }) taxCode: string | null;
  @ApiProperty({ description: 'regcut checks the form only, never the registration' })
  taxCodeVerified: boolean;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
  @ApiProperty({ format: 'date-time' }) emailVerifiedAt: string;
}

export class PublicVerifyResponseDto extends LoginResponseDto {
  @ApiProperty({ type: PublicProfileDto }) profile: PublicProfileDto;
}
