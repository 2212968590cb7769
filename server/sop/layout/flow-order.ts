// The order of the SOP's rows: the flow order from the start events (SOP-FORMAT.md §4). It is the reverse post-order of
// a depth-first walk, so every arrow that is not a loop points down; a branch is written out whole before the next
// (parallel branches in the order of their flows, a decision's "Ya" branch first), and joins come after all their
// branches. Nodes no start reaches are walked from after the rest, those that nothing leads to first.

export function flowOrder<T>(nodes: readonly T[], next: (node: T) => readonly T[], starts: readonly T[]): T[] {
  const reached = new Set<T>();
  const reach = (root: T) => {
    const queue = [root];
    reached.add(root);
    while (queue.length > 0) {
      for (const target of next(queue.shift()!)) {
        if (!reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
  };
  const hasIncoming = new Set(nodes.flatMap((node) => next(node).filter((target) => target !== node)));
  const roots: T[] = [];
  for (const start of starts) {
    if (reached.has(start)) continue;
    roots.push(start);
    reach(start);
  }
  for (;;) {
    const root = nodes.find((node) => !reached.has(node) && !hasIncoming.has(node)) ?? nodes.find((node) => !reached.has(node));
    if (root === undefined) break;
    roots.push(root);
    reach(root);
  }

  const post: T[] = [];
  const visited = new Set<T>();
  for (const root of [...roots].reverse()) {
    if (visited.has(root)) continue;
    visited.add(root);
    // Children are walked in reverse so that, reversed at the end, the first child's branch comes first.
    const stack: Array<{ node: T; children: T[] }> = [{ node: root, children: [...next(root)].reverse() }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const child = frame.children.shift();
      if (child === undefined) {
        post.push(frame.node);
        stack.pop();
      } else if (!visited.has(child)) {
        visited.add(child);
        stack.push({ node: child, children: [...next(child)].reverse() });
      }
    }
  }
  return post.reverse();
}
