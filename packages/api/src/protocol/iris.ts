import { textIris, type W3cIris } from "@hashiya/annotation-schema/w3c";

// The protocol's IRIs are the exporter's (`textIris`): an exported annotation's id is where the
// protocol serves it. A text's container is `…/texts/T/annotations/` (the protocol wants a
// container path that ends in "/"), its annotations `…/texts/T/annotations/A`.

export interface ProtocolIris extends W3cIris {
  text: string;
  container: string;
  /** The container as represented with IRIs or with descriptions (section 4.2: `?iris=1|0`). */
  view(iris: boolean): string;
  page(iris: boolean, page: number): string;
}

export function protocolIris(baseUrl: string, textId: string): ProtocolIris {
  const base = textIris(baseUrl, textId);
  const container = `${base.text}/annotations/`;
  return {
    ...base,
    container,
    view: (iris) => `${container}?iris=${iris ? 1 : 0}`,
    page: (iris, page) => `${container}?iris=${iris ? 1 : 0}&page=${page}`,
  };
}
