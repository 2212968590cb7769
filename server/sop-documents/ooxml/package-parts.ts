// The parts of a .docx/.xlsx package and their relationships (issue 17's package reader). The package has been checked
// by office-package.ts first (its size unpacked, macros, external content), so it is unpacked whole here.
import { strFromU8, unzipSync } from 'fflate';
import { children, parseXml, type XmlNode } from './xml-node';

export interface PackageParts {
  names: string[];
  /** A part parsed, or undefined when the package does not hold it. */
  xml(name: string): XmlNode | undefined;
  /** The targets of a part's relationships by id, as part names inside the package (external ones left out). */
  relationships(name: string): Map<string, { type: string; target: string }>;
}

/** `base`'s relationship target resolved to a part name ("../drawings/drawing1.xml" from xl/worksheets/sheet1.xml). */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

export function openPackage(bytes: Uint8Array): PackageParts {
  const files = unzipSync(bytes, { filter: (file) => file.name.endsWith('.xml') || file.name.endsWith('.rels') });
  const cache = new Map<string, XmlNode>();
  const xml = (name: string) => {
    if (!files[name]) return undefined;
    if (!cache.has(name)) cache.set(name, parseXml(strFromU8(files[name]!)));
    return cache.get(name);
  };
  return {
    names: Object.keys(files),
    xml,
    relationships(name) {
      const relsName = `${name.split('/').slice(0, -1).join('/')}/_rels/${name.split('/').at(-1)}.rels`.replace(/^\//, '');
      const map = new Map<string, { type: string; target: string }>();
      for (const rel of children(xml(relsName), 'rel:Relationship')) {
        if (rel.attrs.TargetMode === 'External') continue;
        map.set(rel.attrs.Id ?? '', { type: rel.attrs.Type ?? '', target: resolvePart(name, rel.attrs.Target ?? '') });
      }
      return map;
    },
  };
}
