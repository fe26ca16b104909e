import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './graphqlDocuments.ts';

/** Where the dev and preview servers send /graphql (HTTP and WebSocket). */
const apiUrl = process.env.API_URL ?? 'http://localhost:4000';
const proxy = { '/graphql': { target: apiUrl, ws: true, changeOrigin: true } };

export default defineConfig({
  // The API serves the built app at /, so every URL stays relative to the origin.
  base: '/',
  plugins: [graphqlDocuments(), react()],
  resolve: {
    // The shared rules (order states, regions…) are compiled from source, like the app itself.
    alias: { '@fulfilment/domain': fileURLToPath(new URL('../../packages/domain/src/index.ts', import.meta.url)) },
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Libraries in a few long-lived chunks (cached across deployments); each page in its own chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|graphql-ws|rxjs|optimism|@wry|tslib|zen-observable)[\\/]/,
            },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|i18next-browser-languagedetector)[\\/]/ },
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|d3-[a-z-]+|@reduxjs|react-redux|redux|immer|reselect|es-toolkit|decimal\.js-light|victory-vendor|eventemitter3|tiny-invariant|use-sync-external-store|clsx)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
