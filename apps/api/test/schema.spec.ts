import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REPO_ROOT } from '../src/config';
import { LivePubSub } from '../src/live/pubsub';
import { createSchema, printSortedSchema } from '../src/app/schema';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing the API)', async () => {
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'schema.graphql'), 'utf8');
    const built = printSortedSchema(await createSchema(new LivePubSub()));
    assert.equal(committed, built);
  });
});
