import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum VatStatus {
  /** עוסק מורשה */
  licensed = 'licensed',
  /** עוסק פטור */
  exempt = 'exempt',
  /** חברה בע"מ */
  company = 'company',
}

export enum Locale {
  he = 'he',
  en = 'en',
}

/** The tenant. Its own id is the business_id every other table carries. */
@Entity('businesses')
export class Business {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 160 })
  name: string;

  @Index('uq_businesses_slug', { unique: true })
  @Column('varchar', { length: 80 })
  slug: string;

  @Column('varchar', { length: 160, nullable: true })
  legalName: string | null;

  /** ח.פ / ע.מ: the business's registration number at the tax authority. */
  @Column('varchar', { length: 20, nullable: true })
  taxId: string | null;

  @Column('varchar', { length: 16, default: VatStatus.licensed })
  vatStatus: VatStatus;

  @Column('varchar', { length: 300, nullable: true })
  address: string | null;

  /** E.164. */
  @Column('varchar', { length: 20, nullable: true })
  phone: string | null;

  @Column('varchar', { length: 254, nullable: true })
  email: string | null;

  @Column('varchar', { length: 64, default: 'Asia/Jerusalem' })
  timezone: string;

  @Column('varchar', { length: 2, default: Locale.he })
  locale: Locale;

  @Column('char', { length: 3, default: 'ILS' })
  currency: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
