// cy.svg(), added by the cytoscape-svg extension.
import 'cytoscape';

declare module 'cytoscape' {
  interface SvgExportOptions {
    full?: boolean;
    scale?: number;
    bg?: string;
  }
  interface Core {
    svg(options?: SvgExportOptions): string;
  }
}
