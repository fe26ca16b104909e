import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config';
import { createLivePubSub } from './common/live-events';
import { createSchema, printSortedSchema } from './schema';

/** `npm run schema`: writes schema.graphql from the code. */
createSchema(createLivePubSub()).then((schema) => {
  const file = path.join(REPO_ROOT, 'schema.graphql');
  fs.writeFileSync(file, printSortedSchema(schema));
  console.log(`wrote ${file}`);
});
