import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Product } from './product.entity';

@ObjectType()
export class ProductConnection extends Connection(Product) {}
