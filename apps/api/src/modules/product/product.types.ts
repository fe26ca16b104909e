import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Product } from './product.entity';

@ObjectType({ description: 'A page of the catalogue, by SKU.' })
export class ProductConnection extends Connection(Product) {}
