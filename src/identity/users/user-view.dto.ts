import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '../domain/roles';

/** A user as the API answers it (UserView); never the password hash. */
export class UserViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'chuyenvien@byt.gov.vn' }) email: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() active: boolean;
}
