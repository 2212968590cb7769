declare module 'bpmn-auto-layout' {
  /** Lays out the first process of `xml` (no pools, no lanes) and answers the XML with a generated diagram. */
  export function layoutProcess(xml: string): Promise<string>;
}
