/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` proxies the API to a backend started on its default port, so cookies stay same-origin.
const backend = process.env.CASEFLOW_API_URL ?? 'http://127.0.0.1:3100';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': backend } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
