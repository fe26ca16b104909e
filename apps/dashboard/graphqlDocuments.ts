import { fileURLToPath, URL } from 'node:url';
import type { Plugin } from 'vite';

const GENERATED = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));

/**
 * Replaces each `graphql(\`…\`)` call with the typed document codegen generated for it (what the client
 * preset's Babel plugin does). Without it, every page would pull in src/gql/gql.ts, which maps all
 * documents, and the bundle could not be split by route. Types are unchanged: tsc still sees the call.
 */
export function graphqlDocuments(): Plugin {
  return {
    name: 'fulfilment:graphql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/(?!gql\/).*\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      const names = new Set<string>();
      let out = code.replace(/\bgraphql\(\s*`([\s\S]*?)`\s*\)/g, (_call, doc: string) => {
        const m = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/m.exec(doc);
        if (!m) this.error(`${id}: a graphql() document needs a named operation or fragment`);
        const name = m![1] === 'fragment' ? `${m![2]}FragmentDoc` : `${m![2]}Document`;
        names.add(name);
        return name;
      });
      out = out.replace(/import\s*\{\s*graphql\s*\}\s*from\s*['"][./]*gql['"];?/, '');
      return { code: `import { ${[...names].join(', ')} } from ${JSON.stringify(GENERATED)};\n${out}`, map: null };
    },
  };
}
