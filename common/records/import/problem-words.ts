/**
 * Why a submission of an export, or a form of a merged backup, is not taken in: a code and its
 * parameters (so a screen can word it again), and the sentence in the reader's language.
 */
import type { Lang } from '../../facets.ts';
import type { SubmissionProblemCode } from '../records-api.ts';

type ProblemParams = Record<string, string | number>;

/** "f|m" as "f or m" ("a, b or c"). */
function either(list: string | number, or: string): string {
  const items = String(list).split('|');
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)}`;
}

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
    'csv-choice': (p) => `${p.question}: “${p.value}” is not one of the answers: write ${either(p.values, 'or')}, or ${String(p.labelsEn).split('|').join(' / ')} (in Spanish: ${String(p.labelsEs).split('|').join(' / ')})`,
    'csv-undecided': (p) => `${p.code ? `the form of “${p.code}”` : 'a form'} dated ${p.date} is already on the register with other answers: choose in the preview whether to skip this row or update the form`,
    'csv-unknown-column': (p) => `unknown column “${p.column}”: the first row must hold the form's field names (or its questions), as exported`,
    'csv-column-twice': (p) => `the column “${p.column}” appears twice in the first row: keep one`,
    'csv-code-twice': (p) => `the code “${p.code}” is used twice in this file (also on row ${p.line}): correct one of the two`,
    'csv-more': (p) => `… and ${Number(p.count).toLocaleString('en')} more problems: correct these and import the file again to see the rest`,
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
    'csv-choice': (p) => `${p.question}: «${p.value}» no es una de las respuestas: escriba ${either(p.values, 'o')}, o ${String(p.labelsEs).split('|').join(' / ')} (en inglés: ${String(p.labelsEn).split('|').join(' / ')})`,
    'csv-undecided': (p) => `${p.code ? `la ficha de «${p.code}»` : 'una ficha'} con fecha ${p.date} ya está en el registro con otras respuestas: elija en la vista previa si se salta esta fila o se actualiza la ficha`,
    'csv-unknown-column': (p) => `columna desconocida «${p.column}»: la primera fila debe tener los nombres de los campos del formulario (o sus preguntas), como en la exportación`,
    'csv-column-twice': (p) => `la columna «${p.column}» aparece dos veces en la primera fila: deje una`,
    'csv-code-twice': (p) => `el código «${p.code}» se repite en este archivo (también en la fila ${p.line}): corrija uno de los dos`,
    'csv-more': (p) => `… y ${Number(p.count).toLocaleString('es')} problemas más: corrija estos e importe el archivo otra vez para ver el resto`,
  },
};

export function problemText(code: SubmissionProblemCode, params: ProblemParams, lang: Lang): string {
  return WORDS[lang][code](params);
}
