// The supply chain around one supplier: its upstream tree (its suppliers, their suppliers, …) and
// its buyers with their path down to tier 1. The graph is a DAG, so a supplier can sit under several
// buyers: it is expanded once, where it is closest to the root (breadth-first), and elsewhere named
// with a pointer, which keeps the rendering linear in the number of links.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { StatusBadge, TierBadge } from "./supplier-display";

export interface ChainNode {
  id: number;
  name: string;
  country: string;
  /** The localised country name, resolved by the loader. */
  countryLabel: string;
  tier: number | null;
  status: string;
}

export interface ChainEdge {
  supplierId: number;
  buyerId: number;
  depth: number;
}

type Nodes = Record<string, ChainNode>;

function byName(nodes: Nodes) {
  return (a: number, b: number) => (nodes[a]?.name ?? "").localeCompare(nodes[b]?.name ?? "", "en");
}

function NodeLabel({ node, href }: { node: ChainNode | undefined; href: (id: number) => string }) {
  if (!node) return <span className="muted">Unknown supplier</span>;
  return (
    <>
      <Link to={href(node.id)} className="node-name">
        {node.name}
      </Link>{" "}
      <span className="node-meta">
        <span className="muted small">{node.countryLabel}</span> <TierBadge tier={node.tier} />
        {node.status !== "active" ? (
          <>
            {" "}
            <StatusBadge status={node.status} />
          </>
        ) : null}
      </span>
    </>
  );
}

interface UpstreamProps {
  rootId: number;
  edges: ChainEdge[];
  nodes: Nodes;
  href: (id: number) => string;
  /** Levels shown; edges one level deeper only count what lies beyond. */
  maxDepth: number;
  /** True when the query hit its row limit (the tree is partial). */
  truncated: boolean;
  /** Extra controls after a direct supplier (e.g. "Remove link"). */
  directActions?: (supplierId: number) => ReactNode;
}

export function UpstreamTree({ rootId, edges, nodes, href, maxDepth, truncated, directActions }: UpstreamProps) {
  const children = new Map<number, number[]>();
  for (const e of edges) {
    const list = children.get(e.buyerId);
    if (list) {
      if (!list.includes(e.supplierId)) list.push(e.supplierId);
    } else children.set(e.buyerId, [e.supplierId]);
  }
  for (const list of children.values()) list.sort(byName(nodes));

  // Breadth-first: each supplier is expanded under the first buyer that reaches it at its shallowest level.
  const level = new Map<number, number>([[rootId, 0]]);
  const owner = new Map<number, number>();
  const queue = [rootId];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    const d = level.get(at)!;
    if (d >= maxDepth) continue;
    for (const c of children.get(at) ?? []) {
      if (level.has(c)) continue;
      level.set(c, d + 1);
      owner.set(c, at);
      queue.push(c);
    }
  }
  const shown = level.size - 1;
  const direct = children.get(rootId) ?? [];

  const render = (at: number, d: number): ReactNode => {
    const list = children.get(at) ?? [];
    if (!list.length) return null;
    return (
      <ul className={d === 0 ? "tree" : undefined}>
        {list.map((c) => {
          const node = nodes[c];
          const expanded = owner.get(c) === at && level.get(c) === d + 1;
          if (!expanded) {
            const where = owner.get(c);
            return (
              <li key={c} className="tree-ref">
                <NodeLabel node={node} href={href} />
                <span className="muted small">
                  {" "}
                  — its own suppliers are listed {where === undefined ? "on its page" : `under ${nodes[where]?.name ?? "another buyer"}`}
                </span>
                {d === 0 && directActions ? directActions(c) : null}
              </li>
            );
          }
          const beyond = d + 1 >= maxDepth ? (children.get(c) ?? []).length : 0;
          return (
            <li key={c}>
              <div className="tree-node">
                <NodeLabel node={node} href={href} />
                {d === 0 && directActions ? directActions(c) : null}
              </div>
              {d + 1 < maxDepth ? render(c, d + 1) : null}
              {beyond ? (
                <p className="tree-more muted small">
                  +{beyond} more {beyond === 1 ? "supplier" : "suppliers"} further up, beyond {maxDepth} levels —{" "}
                  <Link to={href(c)}>open {node?.name ?? "this supplier"}</Link> to see {beyond === 1 ? "it" : "them"}.
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    );
  };

  if (!direct.length) return <p className="muted">No suppliers of this supplier are registered yet.</p>;
  return (
    <>
      <p className="muted small">
        {direct.length} direct {direct.length === 1 ? "supplier" : "suppliers"}, {shown} in all within {maxDepth} levels.
      </p>
      {render(rootId, 0)}
      {truncated ? (
        <p className="alert note" role="note">
          This supply chain is larger than this page lists: only its first links are shown. Open a supplier above to follow its own chain.
        </p>
      ) : null}
    </>
  );
}

interface BuyersProps {
  rootId: number;
  edges: ChainEdge[];
  nodes: Nodes;
  href: (id: number) => string;
  orgName: string;
  directActions?: (buyerId: number) => ReactNode;
}

/** Direct buyers, each with its shortest path down to a tier-1 supplier (which sells to the organization). */
export function BuyerPaths({ rootId, edges, nodes, href, orgName, directActions }: BuyersProps) {
  const buyersOf = new Map<number, number[]>();
  for (const e of edges) buyersOf.set(e.supplierId, [...(buyersOf.get(e.supplierId) ?? []), e.buyerId]);
  const direct = [...new Set(buyersOf.get(rootId) ?? [])].sort(byName(nodes));
  const tierOf = (id: number) => nodes[id]?.tier ?? null;

  // Tiers are 1 + the shortest path to tier 1, so following a buyer one tier lower always gets there.
  const pathFrom = (start: number): number[] => {
    const path = [start];
    const seen = new Set(path);
    let at = start;
    while ((tierOf(at) ?? 0) > 1 && path.length < 60) {
      const next = (buyersOf.get(at) ?? [])
        .filter((b) => !seen.has(b))
        .sort((a, b) => (tierOf(a) ?? Infinity) - (tierOf(b) ?? Infinity))[0];
      if (next === undefined) break;
      path.push(next);
      seen.add(next);
      at = next;
    }
    return path;
  };

  if (!direct.length) {
    return <p className="muted">Not linked to any buyer in your supply chain: it sells to {orgName} directly (tier 1).</p>;
  }
  return (
    <ul className="buyer-list">
      {direct.map((b) => {
        const path = pathFrom(b).slice(1);
        const last = path.length ? path[path.length - 1]! : b;
        const reaches = tierOf(last) === 1;
        return (
          <li key={b}>
            <div className="tree-node">
              <NodeLabel node={nodes[b]} href={href} />
              {directActions ? directActions(b) : null}
            </div>
            <p className="path muted small">
              {path.length ? "via " : ""}
              {path.map((p, i) => (
                <span key={p}>
                  {i > 0 ? " → " : ""}
                  <Link to={href(p)}>{nodes[p]?.name ?? `#${p}`}</Link> (tier {tierOf(p) ?? "?"})
                </span>
              ))}
              {reaches ? `${path.length ? " → " : "sells to "}${orgName}` : " → path to tier 1 not shown"}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
