import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { AuditEntry } from './audit-entry.entity';

@ObjectType({ description: 'A page of the audit log, newest first.' })
export class AuditEntryConnection extends Connection(AuditEntry) {}
