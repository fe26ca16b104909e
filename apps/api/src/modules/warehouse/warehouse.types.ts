import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Warehouse } from './warehouse.entity';

@ObjectType({ description: 'A page of warehouses and stations, by code.' })
export class WarehouseConnection extends Connection(Warehouse) {}
