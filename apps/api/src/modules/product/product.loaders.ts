import { DataSource } from 'typeorm';
import { byIdLoader } from '../../common/loaders';
import { Product } from './product.entity';

export function productLoaders(ds: DataSource, cache: boolean) {
  return { product: byIdLoader(ds, Product, cache) };
}
