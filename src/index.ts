/** The Worker entry: the edge over the registered apps, and the session Durable Object class. */
import { apps } from "../apps";
import { createEdge } from "./edge";

export default createEdge(apps);
export { Session } from "../durable-objects/session";
