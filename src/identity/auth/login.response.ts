import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI description of POST /auth/login's answer. */
export class SessionUserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ example: 'ministry_officer' }) role: string;
  @ApiProperty({ type: String, nullable: true }) agencyId: string | null;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ description: 'seconds', example: 28800 }) expiresIn: number;
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
}
