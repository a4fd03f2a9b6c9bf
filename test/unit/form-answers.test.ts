import { describe, expect, it } from 'vitest';
import { EARLIEST_DATE, isRealDate, isShown, localToday, parseAnswerText, shownQuestions, validateAnswers, type Answers } from '../../common/forms/answers.ts';
import { instrumentSchema, questionsOf, type Instrument, type Question } from '../../common/forms/instrument-schema.ts';
import { conditionToXPath } from '../../common/forms/xlsform.ts';
import { loadInstruments } from '../../scripts/content/load-instruments.ts';

const real = { instruments: loadInstruments() };

function instrument(id: string): Instrument {
  const form = real.instruments.find((f) => f.id === id);
  if (!form) throw new Error(`no instrument ${id}`);
  return form;
}

function question(form: Instrument, name: string): Question {
  const q = questionsOf(form).find((x) => x.name === name);
  if (!q) throw new Error(`no question ${name}`);
  return q;
}

function errorsOf(form: Instrument, answers: Partial<Answers>, lang: 'en' | 'es' = 'en') {
  const result = validateAnswers(form, answers, lang);
  return result.ok ? [] : result.errors;
}

function valueOf(form: Instrument, answers: Partial<Answers>): Answers {
  const result = validateAnswers(form, answers, 'en');
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

const labels = { en: { label: 'L' }, es: { label: 'L' } };
/** A small hand-made form with every question type. */
const small = instrumentSchema.parse({
  id: 'small', version: '1', kind: 'monitoring', order: 1,
  en: { title: 'Small', purpose: 'p', whoApplies: 'w', when: 'w', duration: 'd', training: 't' },
  es: { title: 'Pequeño', purpose: 'p', whoApplies: 'w', when: 'w', duration: 'd', training: 't' },
  sections: [{
    id: 'only', en: { title: 'Only' }, es: { title: 'Única' },
    questions: [
      { name: 'intro', type: 'note', ...labels },
      { name: 'code', type: 'text', required: true, maxLength: 5, en: { label: 'Code' }, es: { label: 'Código' } },
      { name: 'visit', type: 'date', en: { label: 'Visit date' }, es: { label: 'Fecha de visita' } },
      { name: 'age', type: 'integer', required: true, min: 0, max: 17, en: { label: 'Age' }, es: { label: 'Edad' } },
      { name: 'weight', type: 'decimal', min: 1.5, en: { label: 'Weight' }, es: { label: 'Peso' } },
      { name: 'works', type: 'yes_no', required: true, en: { label: 'Works?' }, es: { label: '¿Trabaja?' } },
      { name: 'tasks', type: 'select_multiple', choices: 'tasks', required: true, showIf: [{ question: 'works', equals: ['yes'] }], en: { label: 'Tasks' }, es: { label: 'Tareas' } },
      { name: 'shaft_hours', type: 'integer', required: true, max: 80, showIf: [{ question: 'tasks', includes: ['shafts'] }, { question: 'age', atLeast: 10, atMost: 17 }], en: { label: 'Shaft hours' }, es: { label: 'Horas en socavón' } },
      { name: 'place', type: 'select_one', choices: 'place', en: { label: 'Place' }, es: { label: 'Lugar' } },
      { name: 'other_place', type: 'text', showIf: [{ question: 'place', equals: ['other'] }], ...labels },
    ],
  }],
  choiceLists: [
    { name: 'tasks', choices: [{ value: 'ore_picking', en: 'Picking', es: 'Pallaqueo' }, { value: 'shafts', en: 'Shafts', es: 'Socavones' }] },
    { name: 'place', choices: [{ value: 'home', en: 'Home', es: 'Casa' }, { value: 'other', en: 'Other', es: 'Otro' }] },
  ],
  sources: [{ src: 'ipec-eval-2005', at: '§1' }],
});

describe('skip logic (isShown)', () => {
  it('loads the real monitoring instruments', () => {
    for (const id of ['child-registration', 'follow-up-visit', 'verification', 'referral', 'school-attendance-check']) expect(instrument(id).kind).toBe('monitoring');
  });

  it('asks a question only when all its conditions hold', () => {
    const form = instrument('child-registration');
    expect(isShown(form, 'reg_date', {})).toBe(true);
    expect(isShown(form, 'work_types', {})).toBe(false);
    expect(isShown(form, 'work_types', { status: 'working' })).toBe(true);
    expect(isShown(form, 'risk_reasons', { status: 'working' })).toBe(false);
    expect(isShown(form, 'child_code', { parent_consent: 'yes' })).toBe(false);
    expect(isShown(form, 'child_code', { parent_consent: 'yes', child_assent: 'no' })).toBe(false);
    expect(isShown(form, 'child_code', { parent_consent: 'yes', child_assent: 'too_young' })).toBe(true);
    expect(isShown(form, 'days_per_week', { parent_consent: 'yes', child_assent: 'yes', status: 'at_risk' })).toBe(false);
    expect(isShown(form, 'days_per_week', { parent_consent: 'yes', child_assent: 'yes', status: 'working' })).toBe(true);
    expect(isShown(form, 'no_such_question', {})).toBe(false);
  });

  it('treats a condition on a hidden question as false, as ODK does', () => {
    // school_level needs school_status, which is itself asked only with consent.
    const form = instrument('child-registration');
    expect(isShown(form, 'school_level', { parent_consent: 'yes', child_assent: 'yes', school_status: 'attending' })).toBe(true);
    expect(isShown(form, 'school_level', { parent_consent: 'no', child_assent: 'yes', school_status: 'attending' })).toBe(false);
    // The hand-made form: tasks is hidden when works = no, so shaft_hours is hidden even with a stale "shafts".
    expect(isShown(small, 'shaft_hours', { works: 'yes', tasks: ['shafts'], age: 12 })).toBe(true);
    expect(isShown(small, 'shaft_hours', { works: 'no', tasks: ['shafts'], age: 12 })).toBe(false);
    // Verification: employer_check depends on evidence, which depends on consent.
    const verification = instrument('verification');
    expect(isShown(verification, 'employer_check', { located: 'found', family_consent: 'yes', evidence: ['employer'] })).toBe(true);
    expect(isShown(verification, 'employer_check', { located: 'moved_away', family_consent: 'yes', evidence: ['employer'] })).toBe(false);
  });

  it('evaluates includes and number bounds like the relevant expressions', () => {
    expect(conditionToXPath({ question: 'age', atLeast: 10, atMost: 17 })).toBe('${age} >= 10 and ${age} <= 17');
    const base = { works: 'yes', tasks: ['ore_picking', 'shafts'] };
    expect(isShown(small, 'shaft_hours', { ...base, age: 10 })).toBe(true);
    expect(isShown(small, 'shaft_hours', { ...base, age: 17 })).toBe(true);
    expect(isShown(small, 'shaft_hours', { ...base, age: 9 })).toBe(false);
    expect(isShown(small, 'shaft_hours', { ...base, age: null })).toBe(false);
    expect(isShown(small, 'shaft_hours', { works: 'yes', tasks: ['ore_picking'], age: 12 })).toBe(false);
    const referral = instrument('referral');
    expect(isShown(referral, 'protection_reminder', { reasons: ['health', 'protection'] })).toBe(true);
    expect(isShown(referral, 'protection_reminder', { reasons: ['health'] })).toBe(false);
  });

  it('lists the shown questions in one pass, notes included', () => {
    const form = instrument('follow-up-visit');
    const shown = shownQuestions(form, { child_found: 'moved_away' });
    expect(shown.has('moved_note')).toBe(true);
    expect(shown.has('family_agrees')).toBe(false);
    expect(shown.has('still_working')).toBe(false);
    expect(shown.has('next_action')).toBe(true);
  });
});

describe('validateAnswers', () => {
  const visitBase: Answers = {
    visit_date: '2026-03-10', visitor_code: 'M-04', child_code: 'SF-045-2', sex: 'f', age: 11, visit_type: 'routine',
  };

  it('accepts a complete follow-up visit and keeps only the questions asked', () => {
    const form = instrument('follow-up-visit');
    const value = valueOf(form, {
      ...visitBase, child_found: 'with_child', family_agrees: 'yes', still_working: 'no',
      info_from: ['seen', 'family'], school_attendance: 'regular', services: ['school_support'], safety_concern: 'no',
      next_action: ['next_visit'],
      // Answered earlier, then hidden by still_working = no: dropped.
      tasks_now: ['shafts'], when_worked: ['weekends'],
    });
    expect(value).not.toHaveProperty('tasks_now');
    expect(value).not.toHaveProperty('when_worked');
    expect(value).not.toHaveProperty('moved_note');
    expect(value.info_from).toEqual(['family', 'seen']); // in the order of the choice list
    expect(value.family_income).toBeNull(); // asked, optional, left blank
    expect(value.next_visit_date).toBeNull();
    expect(Object.keys(value)).toEqual(questionsOf(form).filter((q) => q.type !== 'note' && isShown(form, q.name, value)).map((q) => q.name));
  });

  it('drops hidden answers even when they are invalid, and never validates them', () => {
    const form = instrument('follow-up-visit');
    const value = valueOf(form, { ...visitBase, child_found: 'nobody', still_working: 'maybe', tasks_now: ['flying'], next_action: ['next_visit'] });
    expect(value).not.toHaveProperty('still_working');
    expect(value).not.toHaveProperty('tasks_now');
    expect(value).not.toHaveProperty('family_agrees');
  });

  it('requires an answer only when the question is asked', () => {
    const form = instrument('child-registration');
    const common: Answers = {
      reg_date: '2026-02-01', registrar_code: 'M-01', community: 'Santa Filomena', identified_by: 'monitor', where_found: 'waste_heap',
      parent_consent: 'no', child_assent: 'no', sex: 'm', age: 9, status: 'at_risk', risk_reasons: ['family_mining'],
    };
    // Without consent: no code, no details, all fine.
    const value = valueOf(form, common);
    expect(value).not.toHaveProperty('child_code');
    expect(value).not.toHaveProperty('work_types');
    // With consent the details become required.
    const errors = errorsOf(form, { ...common, parent_consent: 'yes', child_assent: 'yes' });
    expect(errors.map((e) => e.question)).toEqual(['child_code', 'school_status', 'referral_needed']);
    // Working: work_types becomes required even without consent; risk_reasons is dropped.
    const working = errorsOf(form, { ...common, status: 'working' });
    expect(working.map((e) => e.question)).toEqual(['work_types']);
    expect(working[0].message).toBe('Question 11 (“Which kind of work does the child do?”): this answer is required.');
  });

  it('treats blank text and an empty list as missing', () => {
    expect(errorsOf(small, { code: '   ', age: 3, works: 'yes', tasks: [] }).map((e) => e.question)).toEqual(['code', 'tasks']);
    expect(valueOf(small, { code: ' AB1 ', age: 3, works: 'no', visit: '', place: null })).toEqual({
      code: 'AB1', visit: null, age: 3, weight: null, works: 'no', place: null,
    });
  });

  it('checks ranges and whole numbers, saying the range', () => {
    const form = instrument('verification');
    const answers: Answers = {
      verif_date: '2026-05-02', verifier_code: 'C-1', verifier_role: 'coordinator', child_code: 'SF-045-2', sex: 'm', age: 18,
      registered_status: 'working', located: 'found', family_consent: 'yes', evidence: ['family_talk', 'school_record'],
      any_work_3m: 'no', months_no_work: 2, services_now: ['school'], verified_status: 'withdrawn',
    };
    const errors = errorsOf(form, answers);
    expect(errors).toEqual([
      { question: 'age', message: 'Question 6 (“Age in completed years”): enter a number from 0 to 17.' },
      { question: 'months_no_work', message: 'Question 12 (“How many full months since the child last did any mining task?”): enter a number from 3 to 120.' },
    ]);
    expect(errorsOf(form, { ...answers, age: 12.5, months_no_work: 3 }).map((e) => e.message)).toEqual([
      'Question 6 (“Age in completed years”): enter a whole number, with no decimals.',
    ]);
    expect(errorsOf(form, { ...answers, age: Number.NaN, months_no_work: 3 })[0].message).toMatch(/whole number/);
    expect(errorsOf(form, { ...answers, age: '12', months_no_work: 3 })[0].message).toMatch(/whole number/);
    expect(errorsOf(small, { code: 'A', age: 5, works: 'no', weight: 1 })[0].message).toBe('Question 4 (“Weight”): enter a number of at least 1.5.');
    expect(errorsOf(small, { code: 'A', age: 5, works: 'no', weight: 2.25 })).toEqual([]);
    expect(errorsOf(small, { code: 'A', age: 12, works: 'yes', tasks: ['shafts'], shaft_hours: 81 })[0].message).toBe('Question 7 (“Shaft hours”): enter a number of at most 80.');
  });

  it('checks the choices of selects and yes/no questions', () => {
    const form = instrument('school-attendance-check');
    const answers: Answers = {
      school_name: 'Escuela 12', teacher_code: 'D-3', month_date: '2026-04-01', school_days: 20, child_code: 'SF-045-2', sex: 'x',
      age: 10, days_attended: 18, missed_days: 'si', signs_of_work: ['very_tired', 'sleepy'], stopped_coming: 'no', referral_needed: 'no',
    };
    expect(errorsOf(form, answers)).toEqual([
      { question: 'sex', message: 'Question 6 (“Sex”): “x” is not one of the choices.' },
      { question: 'missed_days', message: 'Question 9 (“Did the child miss any school day this month?”): answer Yes or No.' },
      { question: 'signs_of_work', message: 'Question 11 (“Did you notice any sign that the child may be working?”): “sleepy” is not one of the choices.' },
    ]);
    expect(errorsOf(form, { ...answers, sex: 'f', missed_days: 'no', signs_of_work: 'very_tired' }).map((e) => e.message)).toEqual([
      'Question 11 (“Did you notice any sign that the child may be working?”): tick one or more of the choices.',
    ]);
  });

  it('accepts real dates only', () => {
    const form = instrument('referral');
    const answers: Answers = {
      referral_date: '2026-02-30', referrer_code: 'M-2', referrer_role: 'teacher', child_code: 'SF-045-2', sex: 'f', age: 8,
      reasons: ['health'], service: 'health', receiving_body: 'Puesto de salud', urgency: 'this_week', family_informed: 'yes_agrees',
      reply_date: '02/03/2026', check_date: '2026-05-31',
    };
    expect(errorsOf(form, answers)).toEqual([
      { question: 'referral_date', message: 'Question 1 (“Date of the referral”): “2026-02-30” is not a real date: write it as YYYY-MM-DD (for example 2026-03-15).' },
      { question: 'reply_date', message: 'Question 12 (“Date of the reply”): “02/03/2026” is not a real date: write it as YYYY-MM-DD (for example 2026-03-15).' },
    ]);
    expect(errorsOf(form, { ...answers, referral_date: '2024-02-29', reply_date: '2026-03-02' })).toEqual([]);
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-1-5')).toBe(false);
  });

  it('checks the length of text answers', () => {
    expect(errorsOf(small, { code: 'ABCDEF', age: 5, works: 'no' })).toEqual([
      { question: 'code', message: 'Question 1 (“Code”): write at most 5 characters (this answer has 6).' },
    ]);
    expect(errorsOf(small, { code: 'ÑAÑÚ5', age: 5, works: 'no' })).toEqual([]);
    expect(errorsOf(small, { code: 42 as unknown as string, age: 5, works: 'no' })[0].message).toBe('Question 1 (“Code”): write the answer as text.');
  });

  it('refuses unknown fields and drops notes', () => {
    const errors = errorsOf(small, { code: 'A', age: 5, works: 'no', child_name: 'Ana' });
    expect(errors).toEqual([{ question: 'child_name', message: 'Unknown field “child_name”: this form has no question with that name.' }]);
    expect(valueOf(small, { intro: 'seen', code: 'A', age: 5, works: 'no' })).not.toHaveProperty('intro');
  });

  it('writes the messages in Spanish, naming the question', () => {
    const form = instrument('child-registration');
    const errors = errorsOf(form, { reg_date: '2026-02-31', age: 20, status: 'working', apodo: 'x' }, 'es');
    const byName = Object.fromEntries(errors.map((e) => [e.question, e.message]));
    expect(byName.reg_date).toBe('Pregunta 1 («Fecha de registro»): «2026-02-31» no es una fecha real: escríbala como AAAA-MM-DD (por ejemplo 2026-03-15).');
    expect(byName.registrar_code).toBe('Pregunta 2 («Su código (de quien llena esta ficha)»): esta respuesta es obligatoria.');
    expect(byName.age).toBe('Pregunta 9 («Edad en años cumplidos»): escriba un número del 0 al 17.');
    expect(byName.work_types).toBe('Pregunta 11 («¿Qué tipo de trabajo hace el niño o la niña?»): esta respuesta es obligatoria.');
    expect(byName.apodo).toBe('Campo desconocido «apodo»: este formulario no tiene ninguna pregunta con ese nombre.');
    expect(errors.at(-1)?.question).toBe('apodo');
    const choice = errorsOf(instrument('follow-up-visit'), { ...visitBase, sex: 'nino' }, 'es').find((e) => e.question === 'sex');
    expect(choice?.message).toBe('Pregunta 4 («Sexo»): «nino» no es una de las opciones.');
  });

  it('validates every real monitoring instrument filled in with its first choice everywhere', () => {
    for (const form of real.instruments.filter((f) => f.kind === 'monitoring')) {
      const answers: Answers = {};
      for (const q of questionsOf(form)) {
        const list = form.choiceLists.find((l) => l.name === q.choices)?.choices.map((c) => c.value) ?? [];
        if (q.type === 'text') answers[q.name] = 'x';
        else if (q.type === 'date') answers[q.name] = '2026-01-15';
        else if (q.type === 'integer' || q.type === 'decimal') answers[q.name] = q.min ?? 0;
        else if (q.type === 'yes_no') answers[q.name] = 'yes';
        else if (q.type === 'select_one') answers[q.name] = list[0];
        else if (q.type === 'select_multiple') answers[q.name] = [list[0]];
      }
      const result = validateAnswers(form, answers, 'es');
      expect(result.ok, `${form.id}: ${result.ok ? '' : result.errors.map((e) => e.message).join('; ')}`).toBe(true);
    }
  });
});

describe('parseAnswerText', () => {
  const form = instrument('child-registration');

  it('parses numbers strictly', () => {
    expect(parseAnswerText(question(form, 'age'), ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseAnswerText(question(form, 'age'), '12a')).toEqual({ ok: false, message: '“Age in completed years”: enter a whole number, with no decimals.' });
    expect(parseAnswerText(question(form, 'age'), '12.5').ok).toBe(false);
    expect(parseAnswerText(question(form, 'age'), '1e3').ok).toBe(false);
    expect(parseAnswerText(question(form, 'age'), '12a', 'es')).toEqual({ ok: false, message: '«Edad en años cumplidos»: escriba un número entero, sin decimales.' });
    const weight = question(small, 'weight');
    expect(parseAnswerText(weight, '2.5')).toEqual({ ok: true, value: 2.5 });
    expect(parseAnswerText(weight, '-3')).toEqual({ ok: true, value: -3 });
    expect(parseAnswerText(weight, '2,5').ok).toBe(false);
    expect(parseAnswerText(weight, 'Infinity').ok).toBe(false);
  });

  it('splits select_multiple on spaces, as ODK writes it', () => {
    expect(parseAnswerText(question(form, 'work_types'), 'ore_picking  shafts processing')).toEqual({ ok: true, value: ['ore_picking', 'shafts', 'processing'] });
    expect(parseAnswerText(question(form, 'work_types'), 'shafts shafts')).toEqual({ ok: true, value: ['shafts'] });
  });

  it('reads dates, yes/no, choices and text; blank is no answer', () => {
    expect(parseAnswerText(question(form, 'reg_date'), '2026-03-15')).toEqual({ ok: true, value: '2026-03-15' });
    expect(parseAnswerText(question(form, 'reg_date'), '15/03/2026').ok).toBe(false);
    expect(parseAnswerText(question(form, 'reg_date'), '2026-02-29').ok).toBe(false);
    expect(parseAnswerText(question(form, 'parent_consent'), 'yes')).toEqual({ ok: true, value: 'yes' });
    expect(parseAnswerText(question(form, 'parent_consent'), 'Sí', 'es')).toEqual({ ok: false, message: '«¿La madre, el padre o la persona a cargo acepta que se registre y se visite al niño o la niña?»: responda Sí o No.' });
    expect(parseAnswerText(question(form, 'sex'), ' f ')).toEqual({ ok: true, value: 'f' });
    expect(parseAnswerText(question(form, 'community'), ' Santa Filomena ')).toEqual({ ok: true, value: 'Santa Filomena' });
    expect(parseAnswerText(question(form, 'age'), '   ')).toEqual({ ok: true, value: null });
    expect(parseAnswerText(question(form, 'urgent_note'), 'x').ok).toBe(false);
  });

  it('feeds validateAnswers: a parsed CSV row validates like a typed one', () => {
    const row: Record<string, string> = {
      reg_date: '2026-02-01', registrar_code: 'M-01', community: 'Santa Filomena', identified_by: 'teacher', where_found: 'school',
      parent_consent: 'yes', child_assent: 'too_young', sex: 'f', age: '6', status: 'working', work_types: 'ore_picking processing',
      risk_reasons: '', child_code: 'SF-045-2', household_code: '', school_status: 'attending', school_level: 'primary',
      days_per_week: '2', hours_per_day: '3', work_period: 'holidays', referral_needed: 'yes',
    };
    const answers: Answers = {};
    for (const [name, text] of Object.entries(row)) {
      const parsed = parseAnswerText(question(form, name), text);
      if (!parsed.ok) throw new Error(parsed.message);
      answers[name] = parsed.value;
    }
    const value = valueOf(form, answers);
    expect(value).toMatchObject({ age: 6, work_types: ['ore_picking', 'processing'], household_code: null, days_per_week: 2 });
    expect(value).not.toHaveProperty('risk_reasons');
  });
});

describe('dates a form may carry', () => {
  const form = instrument('child-registration');
  const visitForm = instrument('follow-up-visit');
  const reg = (date: string): Partial<Answers> => ({ ...valueOf(form, {
    reg_date: '2026-02-01', registrar_code: 'M-01', community: 'Chima', identified_by: 'teacher', where_found: 'school',
    parent_consent: 'no', child_assent: 'no', sex: 'f', age: 9, status: 'at_risk', risk_reasons: ['family_mining'],
  }), reg_date: date });

  it('refuses a date before EARLIEST_DATE or after today, naming the question, in the reader’s language', () => {
    expect(EARLIEST_DATE).toBe('1990-01-01');
    const today = '2026-12-06';
    expect(validateAnswers(form, reg('1989-12-31'), 'en', { today })).toEqual({ ok: false, errors: [{ question: 'reg_date', message: expect.stringMatching(/^Question 1 \(“Date of registration”\): 1989-12-31 is before 1990-01-01/) }] });
    expect(validateAnswers(form, reg('2027-03-15'), 'es', { today })).toEqual({ ok: false, errors: [{ question: 'reg_date', message: expect.stringMatching(/^Pregunta 1 \(«Fecha de registro»\): 2027-03-15 es posterior a hoy \(2026-12-06\)/) }] });
    expect(validateAnswers(form, reg('1990-01-01'), 'en', { today }).ok).toBe(true);
    expect(validateAnswers(form, reg(today), 'en', { today }).ok).toBe(true);
    expect(validateAnswers(form, reg('2026-12-07'), 'en', { today }).ok).toBe(false);
  });

  it('takes today from this computer’s clock when not told', () => {
    expect(validateAnswers(form, reg(localToday()), 'en').ok).toBe(true);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect(validateAnswers(form, reg(localToday(tomorrow)), 'en').ok).toBe(false);
  });

  it('lets a planned date (the next visit) lie ahead, but not before 1990', () => {
    expect(question(visitForm, 'next_visit_date').future).toBe(true);
    expect(questionsOf(visitForm).filter((q) => q.future).map((q) => q.name)).toEqual(['next_visit_date']);
    const visit = (next: string): Partial<Answers> => ({
      visit_date: '2026-11-20', visitor_code: 'M-01', child_code: 'CH-001', sex: 'f', age: 9, visit_type: 'routine', child_found: 'with_child',
      family_agrees: 'yes', still_working: 'no', info_from: ['family'], school_attendance: 'regular', services: ['school_support'], safety_concern: 'no',
      next_action: ['next_visit'], next_visit_date: next,
    });
    expect(errorsOf(visitForm, visit('2027-02-01'))).toEqual([]);
    expect(validateAnswers(visitForm, visit('1980-02-01'), 'en', { today: '2026-12-06' }).ok).toBe(false);
  });
});
