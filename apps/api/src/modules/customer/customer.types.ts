import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Customer } from './customer.entity';

@ObjectType({ description: 'A page of customers, newest first.' })
export class CustomerConnection extends Connection(Customer) {}
