// Which IP addresses a webhook may be delivered to: public unicast only. Everything a server can reach
// without the internet (loopback, private and carrier-grade NAT ranges, link-local, cloud metadata
// services) is refused, and so is every IPv6 form that carries such an IPv4 address (mapped,
// compatible, NAT64, 6to4). Addresses arrive canonical (from the URL parser or from DNS); anything
// else is "invalid".

export type AddressKind = "loopback" | "private" | "link-local" | "cloud metadata" | "unspecified" | "multicast" | "reserved" | "invalid";
export type AddressClass = { public: true } | { public: false; kind: AddressKind };

/** Four octets of a dotted-decimal IPv4 address (no leading zeros), or null. */
export function parseIPv4(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** Eight 16-bit groups of an IPv6 address (a zone such as %eth0 is dropped), or null. */
export function parseIPv6(input: string): number[] | null {
  let s = input.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!/^[0-9a-f:.]+$/i.test(s)) return null;
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    // An embedded IPv4 tail (::ffff:1.2.3.4) is the last two groups in dotted form.
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const known = head.length + rest.length;
  if (halves.length === 1 && known !== 8) return null;
  if (halves.length === 2 && known > 7) return null;
  const zeros = new Array<number>(8 - known).fill(0);
  return [...head.map((g) => parseInt(g, 16)), ...zeros, ...rest.map((g) => parseInt(g, 16))];
}

function inV4(a: number[], base: [number, number, number, number], bits: number): boolean {
  const toInt = (o: number[]) => ((o[0]! << 24) >>> 0) + (o[1]! << 16) + (o[2]! << 8) + o[3]!;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (toInt(a) & mask) >>> 0 === (toInt(base) & mask) >>> 0;
}

const V4_RANGES: Array<[[number, number, number, number], number, AddressKind]> = [
  [[169, 254, 169, 254], 32, "cloud metadata"],
  [[0, 0, 0, 0], 8, "unspecified"],
  [[127, 0, 0, 0], 8, "loopback"],
  [[10, 0, 0, 0], 8, "private"],
  [[172, 16, 0, 0], 12, "private"],
  [[192, 168, 0, 0], 16, "private"],
  [[100, 64, 0, 0], 10, "private"],
  [[169, 254, 0, 0], 16, "link-local"],
  [[224, 0, 0, 0], 4, "multicast"],
  [[240, 0, 0, 0], 4, "reserved"], // includes 255.255.255.255
  [[192, 0, 0, 0], 24, "reserved"],
  [[192, 0, 2, 0], 24, "reserved"],
  [[198, 18, 0, 0], 15, "reserved"],
  [[198, 51, 100, 0], 24, "reserved"],
  [[203, 0, 113, 0], 24, "reserved"],
];

function classifyV4(a: number[]): AddressClass {
  for (const [base, bits, kind] of V4_RANGES) if (inV4(a, base, bits)) return { public: false, kind };
  return { public: true };
}

const v4Of = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];

function classifyV6(g: number[]): AddressClass {
  const zeroPrefix = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (g.every((x) => x === 0)) return { public: false, kind: "unspecified" };
  if (zeroPrefix(7) && g[7] === 1) return { public: false, kind: "loopback" };
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): the IPv4 address decides.
  if (zeroPrefix(5) && (g[5] === 0xffff || g[5] === 0)) return classifyV4(v4Of(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(v4Of(g[6]!, g[7]!));
  // 6to4 (2002:aabb:ccdd::/48) tunnels to the IPv4 address in its second and third groups.
  if (g[0] === 0x2002) {
    const inner = classifyV4(v4Of(g[1]!, g[2]!));
    if (!inner.public) return inner;
  }
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) {
    return { public: false, kind: "cloud metadata" };
  }
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return { public: false, kind: "private" };
  if ((first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0) return { public: false, kind: "link-local" };
  if ((first & 0xff00) === 0xff00) return { public: false, kind: "multicast" };
  if (first === 0x2001 && g[1] === 0x0db8) return { public: false, kind: "reserved" }; // documentation
  if (first === 0x2001 && g[1] === 0) return { public: false, kind: "reserved" }; // Teredo tunnels
  // Global unicast is 2000::/3; everything else is unassigned or special.
  if ((first & 0xe000) !== 0x2000) return { public: false, kind: "reserved" };
  return { public: true };
}

/** Whether `ip` (canonical IPv4 or IPv6 text) is a public unicast address, and if not, what it is. */
export function classifyAddress(ip: string): AddressClass {
  const v4 = parseIPv4(ip);
  if (v4) return classifyV4(v4);
  if (ip.includes(":")) {
    const v6 = parseIPv6(ip);
    if (v6) return classifyV6(v6);
  }
  return { public: false, kind: "invalid" };
}
