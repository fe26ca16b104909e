import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config';
import { LivePubSub } from './live/pubsub';
import { createSchema, printSortedSchema } from './app/schema';

/** `npm run schema`: writes schema.graphql from the code. */
createSchema(new LivePubSub()).then((schema) => {
  const file = path.join(REPO_ROOT, 'schema.graphql');
  fs.writeFileSync(file, printSortedSchema(schema));
  console.log(`wrote ${file}`);
});
