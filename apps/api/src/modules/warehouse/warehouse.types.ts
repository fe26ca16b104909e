import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Warehouse } from './warehouse.entity';

@ObjectType()
export class WarehouseConnection extends Connection(Warehouse) {}
