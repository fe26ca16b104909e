import { DataSource } from 'typeorm';
import { byIdLoader } from '../../common/loaders';
import { Warehouse } from './warehouse.entity';

export function warehouseLoaders(ds: DataSource, cache: boolean) {
  return { warehouse: byIdLoader(ds, Warehouse, cache) };
}
