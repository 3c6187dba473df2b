/** Containers and blocks. */
export const layout = {};
