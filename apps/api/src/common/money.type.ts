import { Field, Int, ObjectType } from 'type-graphql';
import { fenToDecimal } from '@fulfilment/domain';

@ObjectType({ description: 'An amount of money in Chinese yuan (CNY).' })
export class Money {
  @Field({ description: 'Decimal amount in yuan, exact, e.g. "128.50".' })
  amount: string;

  @Field(() => Int, { description: 'The same amount in fen (1/100 yuan).' })
  fen: number;

  @Field({ description: 'ISO 4217 currency code; always CNY.' })
  currency: string;

  static ofFen(fen: number): Money {
    return Object.assign(new Money(), { amount: fenToDecimal(fen), fen, currency: 'CNY' });
  }
}
