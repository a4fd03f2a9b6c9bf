/**
 * Why a submission of an export, or a form of a merged backup, is not taken in: a code and its
 * parameters (so a screen can word it again), and the sentence in the reader's language.
 */
import type { Lang } from '../../facets.ts';
import type { SubmissionProblemCode } from '../records-api.ts';

type ProblemParams = Record<string, string | number>;

const WORDS: Record<Lang, Record<SubmissionProblemCode, (p: ProblemParams) => string>> = {
  en: {
    answer: (p) => String(p.text),
    'unknown-choice': (p) => `${p.question}: “${p.value}” is not one of the choices of Puente's form (a choice added on the server?), and the question needs an answer: correct the submission on the server, or add the choice to Puente's form`,
    'no-instance-id': (p) => `this row has no submission id (${p.column}), so it cannot be told apart from the others`,
    encrypted: (p) => `the server could not decrypt this submission (${p.status})`,
    'rejected-on-server': (p) => `a reviewer marked this submission “${p.state}” on the server`,
    'row-cells': (p) => `this row has ${p.cells} cells but the header has ${p.expected}`,
    'no-child': (p) => `no child with the code “${p.code}” is on the register: import the registrations first`,
    'code-on-register': (p) => `a child with the code “${p.code}” is already on the register from another registration: correct the code on the server, or delete one of the two registrations`,
    'code-twice': (p) => `the code “${p.code}” is already registered on row ${p.line} of this file: correct one of the two on the server`,
    'submission-twice': (p) => `the same submission is on row ${p.line} of this file too; that row is the one taken`,
    'other-child': (p) => `this form was imported for another child; the new version names “${p.code}”: a form cannot move from one child to another (delete it in Puente, then import again)`,
  },
  es: {
    answer: (p) => String(p.text),
    'unknown-choice': (p) => `${p.question}: «${p.value}» no es una de las opciones del formulario de Puente (¿una opción agregada en el servidor?) y la pregunta necesita respuesta: corrija el envío en el servidor o agregue la opción al formulario de Puente`,
    'no-instance-id': (p) => `esta fila no tiene identificador de envío (${p.column}), así que no se puede distinguir de las demás`,
    encrypted: (p) => `el servidor no pudo descifrar este envío (${p.status})`,
    'rejected-on-server': (p) => `en el servidor, un revisor marcó este envío como «${p.state}»`,
    'row-cells': (p) => `esta fila tiene ${p.cells} celdas y el encabezado tiene ${p.expected}`,
    'no-child': (p) => `no hay en el registro ningún niño o niña con el código «${p.code}»: importe primero los registros`,
    'code-on-register': (p) => `ya hay en el registro un niño o niña con el código «${p.code}», de otro registro: corrija el código en el servidor o borre uno de los dos registros`,
    'code-twice': (p) => `el código «${p.code}» ya se registró en la fila ${p.line} de este archivo: corrija uno de los dos en el servidor`,
    'submission-twice': (p) => `el mismo envío está también en la fila ${p.line} de este archivo; se toma esa fila`,
    'other-child': (p) => `esta ficha se importó para otro niño o niña; la nueva versión dice «${p.code}»: una ficha no puede pasar de un niño o niña a otro (bórrela en Puente e importe otra vez)`,
  },
};

export function problemText(code: SubmissionProblemCode, params: ProblemParams, lang: Lang): string {
  return WORDS[lang][code](params);
}
