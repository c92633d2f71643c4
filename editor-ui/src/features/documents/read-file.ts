import type { DocumentUpload } from '../../api/document-types';

/** The file's bytes as plain base64 (what the API takes), read in the browser without a data-URL prefix. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/**
 * A picked file as the API's document entry. The declared type is the browser's guess from the name; an
 * unknown one is sent as such so the backend can name the file it refuses.
 */
export async function toDocumentUpload(file: File, extra: Omit<DocumentUpload, 'name' | 'contentType' | 'content'> = {}): Promise<DocumentUpload> {
  return { name: file.name, contentType: file.type || 'application/octet-stream', content: await readFileAsBase64(file), ...extra };
}
