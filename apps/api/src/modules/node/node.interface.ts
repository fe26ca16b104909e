import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'An object with a global id, fetchable with node(id:).' })
export abstract class Node {
  @Field(() => ID, {
    name: 'id',
    description: 'Global id (opaque): the same object always has the same id; node(id:) fetches it.',
  })
  nodeId: string;
}
