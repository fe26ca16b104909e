import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { MutationPayload } from '../../common/user-error';
import { ReturnRequest } from './return.entity';

@ObjectType({ description: 'Returns, oldest request first.' })
export class ReturnRequestConnection extends Connection(ReturnRequest) {}

@ObjectType({ description: 'The result of a change to a return.' })
export class ReturnPayload extends MutationPayload {
  @Field(() => ReturnRequest, { nullable: true, description: 'The return as it is now.' })
  returnRequest: ReturnRequest | null;
}
