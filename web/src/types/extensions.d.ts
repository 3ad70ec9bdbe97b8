// Cytoscape extensions that ship no types of their own.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const svg: Ext;
  export default svg;
}
