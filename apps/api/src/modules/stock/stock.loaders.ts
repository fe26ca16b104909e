import { DataSource } from 'typeorm';
import { byIdLoader } from '../../common/loaders';
import { StockLevel } from './stock-level.entity';

export function stockLoaders(ds: DataSource, cache: boolean) {
  return { stockLevel: byIdLoader(ds, StockLevel, cache) };
}
