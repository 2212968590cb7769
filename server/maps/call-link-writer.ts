// Writes `sk:calledMap` onto one call activity or collapsed sub-process of a map (BPMN-CONVENTIONS.md): the link a
// new detail map ("peta rincian") gets from the activity it details. Every other element and id is kept.
import { AppError } from '../errors';
import { allElements, createModdle, parseBpmn } from '../bpmn/moddle';

export async function writeCalledMap(xml: string, elementId: string, mapId: string): Promise<string> {
  const moddle = createModdle();
  const { definitions } = await parseBpmn(xml, moddle);
  const element = [...allElements(definitions)].find((e) => e.id === elementId && (e.$type === 'bpmn:CallActivity' || e.$type === 'bpmn:SubProcess'));
  if (!element) throw callNotFound(elementId);
  element.set('sk:calledMap', mapId);
  return (await moddle.toXML(definitions, { format: true })).xml;
}

export const callNotFound = (elementId: string) =>
  new AppError(400, 'CALL_NOT_FOUND', `Elemen ${elementId} bukan aktivitas pemanggil atau subproses ringkas pada revisi terakhir peta ini.`, { elementId });
