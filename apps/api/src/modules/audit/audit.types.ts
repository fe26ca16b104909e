import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { AuditEntry } from './audit-entry.entity';

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}
