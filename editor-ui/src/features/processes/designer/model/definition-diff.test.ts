import { describe, expect, it } from 'vitest';
import { newDefinition, type DesignDefinition } from './design-definition';
import { diffDefinitions } from './definition-diff';

const published = (): DesignDefinition => ({
  ...newDefinition('equipment-request', 'Equipment request', ['request']),
  stages: [{ key: 'triage', name: 'Triage', ownerQueue: 'reviewers' }],
  decisions: [{ key: 'accept', label: 'Accept' }],
  flow: {
    steps: [
      { id: 'start', kind: 'start', position: { x: 0, y: 0 } },
      { id: 'triage', kind: 'stage', stageKey: 'triage', label: 'Triage' },
      { id: 'done', kind: 'outcome', outcome: 'done', label: 'Done' },
    ],
    links: [
      { from: 'start', to: 'triage' },
      { from: 'triage', to: 'done' },
    ],
  },
});

describe('diffDefinitions', () => {
  it('finds nothing between a version and itself, nor in steps that only moved', () => {
    const draft = published();
    draft.flow.steps[0] = { id: 'start', kind: 'start', position: { x: 500, y: 90 } };
    expect(diffDefinitions(published(), draft)).toEqual([]);
  });

  it('lists steps, links, stages and decisions added, removed and changed, with the changed fields', () => {
    const draft = published();
    draft.name = 'Equipment requests';
    draft.stages = [{ key: 'triage', name: 'Triage', ownerQueue: 'supervisors', slaMinutes: 60 }];
    draft.decisions = [];
    draft.flow.steps = [draft.flow.steps[0]!, draft.flow.steps[1]!, { id: 'closed', kind: 'outcome', outcome: 'closed', label: 'Closed' }];
    draft.flow.links = [
      { from: 'start', to: 'triage' },
      { from: 'triage', to: 'closed' },
    ];
    expect(diffDefinitions(published(), draft)).toEqual([
      { kind: 'changed', what: 'Process: name' },
      { kind: 'added', what: 'Step "Closed" (outcome)' },
      { kind: 'removed', what: 'Step "Done" (outcome)' },
      { kind: 'added', what: 'Link "Triage" → "Closed"' },
      { kind: 'removed', what: 'Link "Triage" → "Done"' },
      { kind: 'changed', what: 'Stage "Triage" (triage): ownerQueue, slaMinutes' },
      { kind: 'removed', what: 'Decision "Accept" (accept)' },
    ]);
  });
});
