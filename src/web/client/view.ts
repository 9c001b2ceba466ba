/** What a view is: data source and route in, a title and a node out, or null when the id is unknown. */
import type { DataSource } from './types.js';
import type { Route } from './route.js';

export interface Rendered {
  title: string;
  node: Node;
}

export type View = (src: DataSource, route: Route) => Promise<Rendered | null>;
