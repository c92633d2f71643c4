import { createHash } from 'node:crypto';

/** What is accepted: the configured CASEFLOW_DOCUMENT_MAX_BYTES and CASEFLOW_DOCUMENT_TYPES. */
export interface DocumentLimits {
  maxBytes: number;
  types: string[];
}

export interface DocumentInput {
  name: string;
  contentType: string;
  /** base64 */
  content: string;
}

export interface CheckedContent {
  name: string;
  /** The MIME type alone, lower case, without parameters (`text/plain; charset=utf-8` → `text/plain`). */
  contentType: string;
  bytes: Buffer;
  sha256: string;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * What the first bytes of a file of each type must be. A declared type decides how browsers and
 * mail clients treat a file, so a file whose bytes say otherwise (an executable named .pdf, a
 * truncated download) is refused rather than stored under the wrong label.
 */
const SIGNATURES: Record<string, { starts: Buffer[]; rule: string }> = {
  'application/pdf': { starts: [Buffer.from('%PDF-')], rule: 'a PDF starts with %PDF-' },
  'image/png': { starts: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], rule: 'a PNG starts with the PNG signature (89 50 4E 47 0D 0A 1A 0A)' },
  'image/jpeg': { starts: [Buffer.from([0xff, 0xd8, 0xff])], rule: 'a JPEG starts with FF D8 FF' },
  'image/gif': { starts: [Buffer.from('GIF87a'), Buffer.from('GIF89a')], rule: 'a GIF starts with GIF87a or GIF89a' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { starts: [ZIP], rule: 'a .docx is a ZIP archive (starts with PK)' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { starts: [ZIP], rule: 'an .xlsx is a ZIP archive (starts with PK)' },
};

const TEXT_TYPES = new Set(['text/plain', 'text/csv']);

export const baseType = (contentType: string): string => contentType.split(';')[0]!.trim().toLowerCase();

/**
 * The file's bytes and checksum, or the rule it breaks in a sentence that names the file: the
 * message may be all an n8n user or an uploader ever sees.
 */
export function checkDocumentContent(input: DocumentInput, limits: DocumentLimits): CheckedContent | { problem: string } {
  const name = JSON.stringify(input.name);
  const contentType = baseType(input.contentType);
  if (!limits.types.includes(contentType)) {
    return { problem: `${name} is ${contentType}, which is not accepted; accepted types are ${limits.types.join(', ')}` };
  }
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length === 0) return { problem: `${name} is empty` };
  if (bytes.length > limits.maxBytes) {
    return { problem: `${name} is ${bytes.length} bytes; the largest file accepted is ${limits.maxBytes} bytes` };
  }
  const signature = SIGNATURES[contentType];
  if (signature && !signature.starts.some((start) => bytes.subarray(0, start.length).equals(start))) {
    return { problem: `${name} is not a valid ${contentType} file: ${signature.rule}` };
  }
  if (TEXT_TYPES.has(contentType) && bytes.includes(0)) {
    return { problem: `${name} is not text: it contains NUL bytes, which ${contentType} never does` };
  }
  return { name: input.name, contentType, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export const isProblem = (result: CheckedContent | { problem: string }): result is { problem: string } => 'problem' in result;
