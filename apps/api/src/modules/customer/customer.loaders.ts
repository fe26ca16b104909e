import { DataSource } from 'typeorm';
import { byIdLoader } from '../../common/loaders';
import { Customer } from './customer.entity';

export function customerLoaders(ds: DataSource, cache: boolean) {
  return { customer: byIdLoader(ds, Customer, cache) };
}
