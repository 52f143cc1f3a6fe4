export enum Role {
  owner = 'owner',
  admin = 'admin',
  staff = 'staff',
}

export const ROLES = Object.values(Role);
