import type { GeneratedNodeRecord } from '../database/tables';
import type { N8nStoredWorkflow } from '../templates/n8n-client';
import { ownerKeyOf } from './generate-workflow';
import { NodeNamer } from './node-names';
import { hashOf, parameterHashes } from './parameter-hash';
import { outputsOf, type N8nOutputs, type N8nWorkflowJson, type N8nWorkflowNode } from './workflow-model';

/** What generating would do to the n8n workflow; node names as they will be (add, update) or are (remove, keep). */
export interface SyncPlan {
  workflowId: string | null;
  create: boolean;
  add: string[];
  update: string[];
  remove: string[];
  /** Generated nodes someone changed in n8n since the last generation: their hand-made values would be lost. */
  overwrite: Array<{ node: string; parameters: string[] }>;
  keep: string[];
}

/** A generated node as it sits in the merged workflow: its owner key (step id or start helper), id and name. */
export interface OwnedNode {
  key: string;
  id: string;
  name: string;
}

export interface MergedWorkflow {
  plan: SyncPlan;
  workflow: N8nWorkflowJson;
  owned: OwnedNode[];
}

const ownedOf = (nodes: N8nWorkflowNode[]): OwnedNode[] => nodes.map((node) => ({ key: ownerKeyOf(node.id) ?? node.name, id: String(node.id), name: node.name }));

/**
 * Merges a freshly generated workflow into the one in n8n. Nodes of the last generation (found by their n8n id)
 * are updated in place (the user's position and name clashes aside), dropped when their step is gone; every
 * other node is the user's and stays, with its connections. An output of a generated node that the user routed
 * into one of their own nodes stays as they wired it.
 */
export function mergeWorkflow(generated: N8nWorkflowJson, current: N8nStoredWorkflow | null, records: GeneratedNodeRecord[]): MergedWorkflow {
  if (!current) {
    const plan: SyncPlan = { workflowId: null, create: true, add: generated.nodes.map((n) => n.name), update: [], remove: [], overwrite: [], keep: [] };
    return { plan, workflow: generated, owned: ownedOf(generated.nodes) };
  }
  const recordByKey = new Map(records.map((record) => [record.key, record]));
  const ownedIds = new Set(records.map((record) => record.nodeId));
  const currentById = new Map(current.nodes.map((node) => [String(node.id), node]));
  const generatedIds = new Set(generated.nodes.map((node) => String(node.id)));
  // Nodes this generation takes over: its own ids, plus every id of the last one.
  const userNodes = current.nodes.filter((node) => !ownedIds.has(String(node.id)) && !generatedIds.has(String(node.id)));
  const namer = new NodeNamer(userNodes.map((node) => node.name));
  const plan: SyncPlan = { workflowId: current.id, create: false, add: [], update: [], remove: [], overwrite: [], keep: userNodes.map((n) => n.name) };

  const finalNameById = new Map<string, string>(userNodes.map((node) => [String(node.id), node.name]));
  const generatedNameToId = new Map<string, string>();
  const nodes: N8nWorkflowNode[] = [...userNodes];
  const owned: OwnedNode[] = [];
  for (const fresh of generated.nodes) {
    const key = ownerKeyOf(fresh.id) ?? fresh.name;
    const record = recordByKey.get(key);
    const existing = currentById.get(record?.nodeId ?? String(fresh.id)) ?? currentById.get(String(fresh.id));
    const name = namer.name(fresh.name);
    const merged: N8nWorkflowNode = existing ? { ...fresh, id: existing.id, position: existing.position ?? fresh.position, name } : { ...fresh, name };
    if (existing && 'webhookId' in existing) merged.webhookId = existing.webhookId;
    finalNameById.set(String(merged.id), name);
    generatedNameToId.set(fresh.name, String(merged.id));
    nodes.push(merged);
    owned.push({ key, id: String(merged.id), name });
    if (!existing) plan.add.push(name);
    else if (existing.name !== name || hashOf(existing.parameters) !== hashOf(fresh.parameters) || existing.type !== fresh.type) plan.update.push(name);
    const edited = existing && record && hashOf(existing.parameters) !== record.hash ? handEdits(record, existing, fresh) : [];
    if (edited.length > 0) plan.overwrite.push({ node: existing!.name, parameters: edited });
  }
  const keptIds = new Set(nodes.map((node) => String(node.id)));
  plan.remove = current.nodes.filter((node) => !keptIds.has(String(node.id))).map((node) => node.name);

  const currentNameToId = new Map(current.nodes.map((node) => [node.name, String(node.id)]));
  const rename = (outputs: N8nOutputs, idOfName: Map<string, string>): N8nOutputs =>
    outputs.map((targets) =>
      targets.flatMap((target) => {
        const name = finalNameById.get(idOfName.get(target.node) ?? '');
        return name ? [{ ...target, node: name }] : [];
      }),
    );
  const userNames = new Set(userNodes.map((node) => node.name));
  const connections: Record<string, { main: N8nOutputs }> = {};
  for (const node of userNodes) connections[node.name] = { main: rename(outputsOf(current, node.name), currentNameToId) };
  for (const fresh of generated.nodes) {
    const id = generatedNameToId.get(fresh.name)!;
    const own = rename(outputsOf(generated, fresh.name), generatedNameToId);
    const before = currentById.get(id);
    const wiredByHand = before ? rename(outputsOf(current, before.name), currentNameToId) : [];
    const main = own.map((targets, output) => {
      const handTargets = wiredByHand[output] ?? [];
      return handTargets.some((target) => userNames.has(target.node)) ? handTargets : targets;
    });
    for (let output = main.length; output < wiredByHand.length; output += 1) main.push(wiredByHand[output]!.filter((t) => userNames.has(t.node)));
    if (main.some((targets) => targets.length > 0)) connections[finalNameById.get(id)!] = { main };
  }
  return { plan, workflow: { name: current.name, nodes, connections, settings: current.settings ?? generated.settings }, owned };
}

/**
 * The parameters written last time that someone changed since, and that this generation would change again.
 * One gone altogether is not counted: n8n's editor leaves out parameters at their default when it saves.
 */
function handEdits(record: GeneratedNodeRecord, existing: N8nWorkflowNode, fresh: N8nWorkflowNode): string[] {
  const now = parameterHashes(existing.parameters ?? {});
  const next = parameterHashes(fresh.parameters);
  return Object.keys(record.parameterHashes)
    .filter((name) => now[name] !== undefined && now[name] !== record.parameterHashes[name] && now[name] !== next[name])
    .sort();
}

/** What to remember of the saved workflow: each generated node's n8n id, name and parameter hashes as n8n stored them. */
export function recordsOf(owned: OwnedNode[], saved: N8nWorkflowJson): GeneratedNodeRecord[] {
  return owned.flatMap((own) => {
    const node = saved.nodes.find((candidate) => String(candidate.id) === own.id) ?? saved.nodes.find((candidate) => candidate.name === own.name);
    if (!node) return [];
    const parameters = node.parameters ?? {};
    return [{ key: own.key, nodeId: String(node.id), name: node.name, hash: hashOf(parameters), parameterHashes: parameterHashes(parameters) }];
  });
}
