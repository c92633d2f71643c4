/**
 * The shared PDF text reader (the repository's test/support/pdf-text.ts, also used by test/templates).
 * It lies outside this project's rootDir, so it is required rather than imported: an import would
 * pull it into the backend's compilation.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { pdfText } = require('../../../test/support/pdf-text') as { pdfText: (bytes: Uint8Array) => Promise<string> };
