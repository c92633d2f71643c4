import { checkDefinition } from './definition-problems';
import { applyEdit, DefinitionReferences, EMPTY_DEFINITION, ProcessDefinition, referencedNames } from './process-definition';

const refs = (over: Partial<DefinitionReferences> = {}): DefinitionReferences => ({
  queues: new Set(['advisors', 'finance']),
  calendars: new Set(['default']),
  entityTypes: new Set(['student', 'invoice']),
  users: new Set(['u-1', 'boss@example.test']),
  templates: new Set(['welcome']),
  ...over,
});

const base: ProcessDefinition = {
  ...EMPTY_DEFINITION,
  name: 'Referral',
  entityTypes: ['student'],
  stages: [{ key: 'review', name: 'Review', ownerQueue: 'advisors', slaMinutes: 60 }],
};

describe('checkDefinition', () => {
  it('accepts a definition whose references all exist', () => {
    expect(checkDefinition(base, refs())).toEqual([]);
  });

  it('names the second of two stages sharing a key', () => {
    const definition = { ...base, stages: [...base.stages, { key: 'review', name: 'Again' }] };
    expect(checkDefinition(definition, refs())).toEqual([{ field: 'stages[1].key', messages: ['"review" is already used by stages[0]'] }]);
  });

  it('wants exactly one trigger per escalation step and a target for "escalate" when the stage has no owner queue', () => {
    const { ownerQueue: _owner, ...ownerless } = base.stages[0]!;
    const definition: ProcessDefinition = {
      ...base,
      stages: [{ ...ownerless, escalation: [{ action: 'escalate' }, { atPercent: 100, afterBreachMinutes: 0, action: 'notify' }] }],
    };
    expect(checkDefinition(definition, refs()).map((e) => e.field)).toEqual([
      'stages[0].escalation[0]',
      'stages[0].escalation[0]',
      'stages[0].escalation[1]',
    ]);
  });

  it('lets an "escalate" step with no target go to the supervisor of the stage owner queue', () => {
    const definition: ProcessDefinition = {
      ...base,
      stages: [{ ...base.stages[0]!, escalation: [{ atPercent: 100, action: 'escalate' }] }],
    };
    expect(checkDefinition(definition, refs()).filter((e) => e.field.includes('escalation'))).toEqual([]);
  });

  it('finds escalation users by id or by email in any case', () => {
    const definition: ProcessDefinition = {
      ...base,
      stages: [{ ...base.stages[0]!, escalation: [{ atPercent: 100, action: 'escalate', toUser: 'u-1' }, { afterBreachMinutes: 5, action: 'escalate', toUser: 'Boss@Example.test' }] }],
    };
    expect(checkDefinition(definition, refs())).toEqual([]);
  });

  it('needs an SLA before a stage can have an escalation ladder', () => {
    const definition: ProcessDefinition = {
      ...base,
      stages: [{ key: 'review', name: 'Review', escalation: [{ atPercent: 50, action: 'notify' }] }],
    };
    expect(checkDefinition(definition, refs()).map((e) => e.field)).toEqual(['stages[0].slaMinutes']);
  });
});

describe('referencedNames', () => {
  it('collects every queue, calendar, entity type and user once', () => {
    const definition: ProcessDefinition = {
      ...base,
      calendarKey: 'default',
      stages: [
        { key: 'a', name: 'A', ownerQueue: 'advisors', calendar: 'default', escalation: [{ atPercent: 1, action: 'escalate', toQueue: 'finance', toUser: 'u-1' }] },
        { key: 'b', name: 'B', ownerQueue: 'advisors' },
      ],
    };
    expect(referencedNames(definition)).toEqual({ queues: ['advisors', 'finance'], calendars: ['default'], entityTypes: ['student'], users: ['u-1'], templates: [] });
  });
});

describe('applyEdit', () => {
  it('keeps left-out fields, clears nullable ones given null and drops nulls inside stages', () => {
    const current = { ...base, calendarKey: 'default', launchWebhookUrl: 'http://n8n/hook' };
    const next = applyEdit(current, {
      calendarKey: null,
      stages: [{ key: 'x', name: 'X', ownerQueue: undefined, slaMinutes: null as unknown as number, escalation: [] }],
    });
    expect(next).toEqual({ ...current, calendarKey: null, stages: [{ key: 'x', name: 'X' }] });
  });
});
