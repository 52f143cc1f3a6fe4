import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Business } from '../../common/tenancy/business.entity';

/** PostgreSQL home of the document streams when MongoDB is not configured. */
@Entity('stream_documents')
@Index('ix_stream_documents_business_stream_at', ['businessId', 'stream', 'at'])
export class StreamDocumentRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  businessId: string;

  @ManyToOne(() => Business, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'business_id' })
  business?: Business;

  @Column('varchar', { length: 32 })
  stream: string;

  @Column('timestamptz')
  at: Date;

  @Index('ix_stream_documents_fields', { synchronize: false })
  @Column('jsonb')
  fields: Record<string, unknown>;
}
