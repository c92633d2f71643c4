import type { IntakeField } from '../database/tables';
import { checkIntake, checkIntakeDefinition, describeIntakeErrors, intakePathError, IntakeValues, readIntakePath } from './intake';

const values = (over: Partial<IntakeValues> = {}): IntakeValues => ({ data: {}, entity: { attributes: {} }, ...over });
const field = (path: string, type: IntakeField['type'], extra: Partial<IntakeField> = {}): IntakeField => ({
  path,
  label: path,
  type,
  required: true,
  ...extra,
});

describe('intakePathError', () => {
  it.each(['data.courseStart', 'data.course.start', 'data.course_2.start-date', 'entity.name', 'entity.email', 'entity.managerEmail', 'entity.attributes.dept', 'entity.attributes.address.city'])(
    'accepts %s',
    (path) => expect(intakePathError(path)).toBeNull(),
  );

  it.each(['data', 'data.', 'data..x', 'entity', 'entity.type', 'entity.externalId', 'entity.attributes', 'instance.createdAt', 'courseStart', 'data.course start', 'data.__proto__', 'entity.attributes.constructor', 'Data.x'])(
    'refuses %s and says which forms exist',
    (path) => expect(intakePathError(path)).toMatch(/data\.<key>, entity\.name, entity\.email, entity\.managerEmail or entity\.attributes\.<key>/),
  );
});

describe('checkIntakeDefinition', () => {
  it('accepts a list whose paths are valid and unique and whose choices have options', () => {
    const intake = [field('data.a', 'text'), field('data.kind', 'choice', { options: ['x', 'y'] }), field('entity.email', 'email')];
    expect(checkIntakeDefinition(intake)).toEqual([]);
  });

  it('names each field that breaks a rule', () => {
    const intake = [
      field('data.a', 'text'),
      field('data.a', 'number'),
      field('somewhere', 'text'),
      field('data.kind', 'choice'),
      field('data.size', 'choice', { options: [] }),
      field('data.colour', 'choice', { options: ['red', 'blue', 'red'] }),
      field('data.note', 'text', { options: ['x'] }),
      field('data.a.b', 'text'),
    ];
    expect(checkIntakeDefinition(intake)).toEqual([
      { field: 'intake[1].path', messages: ['"data.a" is already used by intake[0]'] },
      { field: 'intake[2].path', messages: [expect.stringMatching(/^must be data\.<key>/)] },
      { field: 'intake[3].options', messages: ['a "choice" field needs at least one option'] },
      { field: 'intake[4].options', messages: ['a "choice" field needs at least one option'] },
      { field: 'intake[5].options[2]', messages: ['"red" is already used by options[0]'] },
      { field: 'intake[6].options', messages: ['only a "choice" field has options; this one is "text"'] },
      { field: 'intake[7].path', messages: ['"data.a.b" lies inside intake[0] ("data.a"); declare one or the other'] },
    ]);
  });
});

describe('checkIntake', () => {
  it('accepts a launch that brings every field with the right type', () => {
    const intake = [
      field('data.title', 'text'),
      field('data.seats', 'number'),
      field('data.course.start', 'date'),
      field('data.contact', 'email'),
      field('data.paid', 'boolean'),
      field('data.mode', 'choice', { options: ['online', 'classroom'] }),
      field('data.cv', 'file'),
      field('data.photo', 'file'),
      field('entity.name', 'text'),
      field('entity.email', 'email'),
      field('entity.attributes.dept', 'text'),
    ];
    const launch = values({
      data: {
        title: 'Welding',
        seats: 0,
        course: { start: '2026-05-01' },
        contact: 'a@example.test',
        paid: false,
        mode: 'online',
        cv: { name: 'cv.pdf', mimeType: 'application/pdf', size: 1024 },
        photo: 'file-123',
      },
      entity: { name: 'Ada', email: 'ada@example.test', attributes: { dept: 'maths' } },
    });
    expect(checkIntake(intake, launch)).toEqual([]);
  });

  it('wants required fields present and not blank, and lets optional ones be left out', () => {
    const intake = [
      field('data.a', 'text'),
      field('data.b', 'text'),
      field('data.c', 'text'),
      field('data.d', 'file'),
      field('data.e', 'file'),
      field('entity.managerEmail', 'email'),
      field('data.optional', 'number', { required: false }),
      field('data.blankOptional', 'date', { required: false }),
    ];
    const launch = values({ data: { b: null, c: '   ', d: {}, e: [], blankOptional: '' } });
    const fileMessage = (path: string) => `is required: send the file in "documents" with "field": "${path}"`;
    expect(checkIntake(intake, launch)).toEqual(
      ['data.a', 'data.b', 'data.c', 'data.d', 'data.e', 'entity.managerEmail'].map((path) => ({
        field: path,
        messages: [path === 'data.d' || path === 'data.e' ? fileMessage(path) : 'is required'],
      })),
    );
  });

  it('takes a stored document reference as a file', () => {
    const reference = { documentId: '0190f3a0-0000-7000-8000-000000000001', name: 'letter.pdf', contentType: 'application/pdf', size: 12 };
    expect(checkIntake([field('data.letter', 'file')], values({ data: { letter: reference } }))).toEqual([]);
  });

  it('gives each type its own message', () => {
    const intake = [
      field('data.text', 'text'),
      field('data.number', 'number'),
      field('data.infinite', 'number'),
      field('data.date', 'date'),
      field('data.email', 'email'),
      field('data.flag', 'boolean'),
      field('data.mode', 'choice', { options: ['online', 'classroom'] }),
      field('data.file', 'file'),
    ];
    const launch = values({
      data: { text: 12, number: '12', infinite: Number.POSITIVE_INFINITY, date: 'next tuesday', email: 'nobody', flag: 'true', mode: 'by post', file: 42 },
    });
    expect(checkIntake(intake, launch)).toEqual([
      { field: 'data.text', messages: ['must be text (a JSON string)'] },
      { field: 'data.number', messages: ['must be a number (a JSON number such as 42; "42" in quotes is text)'] },
      { field: 'data.infinite', messages: ['must be a number (a JSON number such as 42; "42" in quotes is text)'] },
      { field: 'data.date', messages: ['must be an ISO date (2026-05-01) or date-time (2026-05-01T09:00:00Z)'] },
      { field: 'data.email', messages: ['must be an email address'] },
      { field: 'data.flag', messages: ['must be true or false (a JSON boolean; "true" in quotes is text)'] },
      { field: 'data.mode', messages: ['must be one of "online", "classroom"'] },
      { field: 'data.file', messages: ['must be a file: an object such as { "name": "report.pdf", "mimeType": "application/pdf" } or a file id'] },
    ]);
  });

  it.each(['2026-05-01', '2026-05-01T09:00', '2026-05-01T09:00:00', '2026-05-01T09:00:00.123Z', '2026-05-01T09:00:00+02:00', '2024-02-29'])(
    'takes %s as a date',
    (date) => expect(checkIntake([field('data.d', 'date')], values({ data: { d: date } }))).toEqual([]),
  );

  it.each(['2026-02-30', '2026-13-01', '2026-05-01T24:00', '2026-05-01 09:00', '01/05/2026', '2026-05-01T09:00:00+2', 1_800_000_000_000])(
    'refuses %s as a date',
    (date) => expect(checkIntake([field('data.d', 'date')], values({ data: { d: date } }))).toHaveLength(1),
  );

  it('lists at most 20 options in a message', () => {
    const options = Array.from({ length: 25 }, (_, i) => `o${i}`);
    const [error] = checkIntake([field('data.c', 'choice', { options })], values({ data: { c: 'nope' } }));
    expect(error!.messages[0]).toMatch(/"o19" … \(5 more\)$/);
  });

  it('follows only own properties', () => {
    expect(readIntakePath(values({ data: {} }), 'data.toString')).toBeUndefined();
    expect(readIntakePath(values({ data: { a: 'x' } }), 'data.a.length')).toBeUndefined();
  });
});

describe('describeIntakeErrors', () => {
  it('names every problem in one sentence', () => {
    expect(
      describeIntakeErrors([
        { field: 'data.courseStart', messages: ['is required'] },
        { field: 'entity.email', messages: ['must be an email address'] },
      ]),
    ).toBe('intake: 2 fields are missing or invalid: data.courseStart is required; entity.email must be an email address');
    expect(describeIntakeErrors([{ field: 'data.a', messages: ['is required'] }])).toBe('intake: 1 field is missing or invalid: data.a is required');
  });
});
