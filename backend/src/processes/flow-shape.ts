import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '../common/validation';
import { FLOW_STEP_KINDS, type FlowLink, type FlowStep, type ProcessFlow } from './process-flow';
import { COMMON_FIELDS, FIELDS_BY_KIND, type FieldSpec, LINK_FIELDS, MAX_LINKS, MAX_STEPS, STEP_ID } from './flow-step-rules';

/** A field error of a flow, with the step it belongs to when there is one (the checklist jumps to it). */
export interface FlowFieldError extends FieldError {
  stepId?: string;
}

export interface FlowReading {
  /** Only what passed: steps with a valid, unique id and known kind, each with its valid fields. */
  flow: ProcessFlow;
  errors: FlowFieldError[];
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a flow as a request sent it. class-validator cannot tell steps apart by `kind`, so this is
 * hand-written; its errors read like the DTOs' (`flow.steps[3].queue: queue must be …`). The flow it
 * returns holds no request leftovers, and is usable for the other checks even when there are errors.
 */
export function readFlow(value: unknown, at = 'flow'): FlowReading {
  const errors: FlowFieldError[] = [];
  const add = (field: string, message: string, stepId?: string): void => {
    errors.push({ field, messages: [message], ...(stepId ? { stepId } : {}) });
  };
  const flow: ProcessFlow = { steps: [], links: [] };
  if (!isPlain(value)) {
    add(at, 'flow must be an object with steps and links, or null');
    return { flow, errors };
  }
  for (const key of Object.keys(value)) if (key !== 'steps' && key !== 'links') add(`${at}.${key}`, `property ${key} should not exist`);
  const steps = listOf(value.steps, 'steps', MAX_STEPS, at, add);
  const links = listOf(value.links, 'links', MAX_LINKS, at, add);

  const seen = new Set<string>();
  steps.forEach((raw, i) => {
    const step = readStep(raw, `${at}.steps[${i}]`, add);
    if (!step) return;
    if (seen.has(step.id)) return add(`${at}.steps[${i}].id`, `id "${step.id}" is already used by another step`, step.id);
    seen.add(step.id);
    flow.steps.push(step);
  });
  links.forEach((raw, i) => {
    const link = readFields(raw, LINK_FIELDS, `${at}.links[${i}]`, add);
    if (link && typeof link.from === 'string' && typeof link.to === 'string') flow.links.push(link as unknown as FlowLink);
  });
  return { flow, errors };
}

/** 400 with field errors when a flow is malformed; unknown references are checked with the rest of the definition. */
export function assertFlowShape(value: unknown): void {
  if (value === undefined || value === null) return;
  const { errors } = readFlow(value);
  if (errors.length === 0) return;
  const details = errors.map(({ field, messages }) => ({ field, messages }));
  throw new BadRequestException({
    error: 'Bad Request',
    message: details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; '),
    details,
  });
}

type Add = (field: string, message: string, stepId?: string) => void;

function listOf(value: unknown, name: string, max: number, at: string, add: Add): unknown[] {
  if (!Array.isArray(value)) {
    add(`${at}.${name}`, `${name} must be a list`);
    return [];
  }
  if (value.length > max) add(`${at}.${name}`, `${name} must have at most ${max} entries`);
  return value.slice(0, max);
}

function readStep(raw: unknown, at: string, add: Add): FlowStep | null {
  if (!isPlain(raw)) {
    add(at, 'a step must be an object');
    return null;
  }
  const id = typeof raw.id === 'string' && STEP_ID.test(raw.id) ? raw.id : undefined;
  if (!id) add(`${at}.id`, 'id must be 1 to 100 letters, digits, "-" or "_"');
  const kind = FLOW_STEP_KINDS.find((candidate) => candidate === raw.kind);
  if (!kind) add(`${at}.kind`, `kind must be one of: ${FLOW_STEP_KINDS.join(', ')}`, id);
  if (!id || !kind) return null;
  const fields = readFields(raw, { ...COMMON_FIELDS, ...FIELDS_BY_KIND[kind] }, at, add, new Set(['id', 'kind']), id);
  const step = { ...fields, id, kind } as FlowStep;
  // The graph checks read a decision's keys, so a malformed list still leaves a (empty) list.
  if (step.kind === 'decision' && !Array.isArray(step.decisions)) step.decisions = [];
  return step;
}

/** The fields that pass their rules; missing required ones and unknown ones are errors. */
function readFields(raw: unknown, specs: Record<string, FieldSpec>, at: string, add: Add, known = new Set<string>(), stepId?: string): Plain | null {
  if (!isPlain(raw)) {
    add(at, 'must be an object');
    return null;
  }
  const out: Plain = {};
  for (const key of Object.keys(raw)) {
    if (!known.has(key) && !(key in specs)) add(`${at}.${key}`, `property ${key} should not exist`, stepId);
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    if (value === undefined || value === null) {
      if (spec.required) add(`${at}.${name}`, `${name} is required`, stepId);
      continue;
    }
    const problem = spec.rule(value);
    if (problem) add(`${at}.${name}`, `${name} ${problem}`, stepId);
    else out[name] = value;
  }
  return out;
}
