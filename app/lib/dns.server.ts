// TXT look-ups for domain verification, behind a seam: tests set a resolver of their own, so they
// never depend on the network's DNS.
import { promises as dns } from "node:dns";

export type TxtResolver = (name: string) => Promise<string[][]>;

const TIMEOUT_MS = 5000;

async function systemResolver(name: string): Promise<string[][]> {
  const resolver = new dns.Resolver({ timeout: TIMEOUT_MS, tries: 2 });
  try {
    return await resolver.resolveTxt(name);
  } catch {
    return []; // no record, no such name, or the resolver failed: nothing is proved
  }
}

let current: TxtResolver = systemResolver;

export function resolveTxt(name: string): Promise<string[][]> {
  return current(name);
}

/** Tests only: replaces the resolver; call with no argument to restore the system's. */
export function setTxtResolver(r?: TxtResolver): void {
  current = r ?? systemResolver;
}
