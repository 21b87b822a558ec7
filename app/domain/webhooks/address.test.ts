import { describe, expect, it } from "vitest";
import { classifyAddress, parseIPv4, parseIPv6 } from "./address";
import { checkWebhookUrl } from "./url";

describe("classifyAddress: only public unicast addresses may receive webhooks", () => {
  const refused: Array<[string, string]> = [
    ["127.0.0.1", "loopback"],
    ["127.255.1.2", "loopback"],
    ["::1", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.254", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["febf::1", "link-local"],
    ["169.254.169.254", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    // IPv4-mapped, IPv4-compatible, NAT64 and 6to4 forms carry the IPv4 address they stand for.
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["::ffff:a9fe:a9fe", "cloud metadata"],
    ["0:0:0:0:0:ffff:c0a8:0101", "private"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "cloud metadata"],
    ["2002:7f00:1::", "loopback"],
    ["2002:c0a8:0101::1", "private"],
    ["2001:db8::1", "reserved"],
    ["2001:0:4136:e378::1", "reserved"],
    ["not an address", "invalid"],
    ["1.2.3", "invalid"],
    ["1::2::3", "invalid"],
  ];
  it.each(refused)("%s is refused (%s)", (ip, kind) => {
    expect(classifyAddress(ip)).toEqual({ public: false, kind });
  });

  const allowed = ["93.184.215.14", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::6810:85e5", "::ffff:8.8.8.8", "2002:0808:0808::1"];
  it.each(allowed)("%s is public", (ip) => {
    expect(classifyAddress(ip)).toEqual({ public: true });
  });

  it("parses IPv4 and IPv6 exactly", () => {
    expect(parseIPv4("1.2.3.4")).toEqual([1, 2, 3, 4]);
    expect(parseIPv4("01.2.3.4")).toBeNull(); // leading zeros are octal to some parsers: not a canonical address
    expect(parseIPv4("256.1.1.1")).toBeNull();
    expect(parseIPv6("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIPv6("fe80::1%eth0")).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe("checkWebhookUrl: what an admin may subscribe", () => {
  const refused: Array<[string, RegExp]> = [
    ["http://hooks.example.com/x", /https/],
    ["ftp://hooks.example.com/x", /https/],
    ["https://user:pass@hooks.example.com/x", /user name or password/],
    ["https://user@hooks.example.com/x", /user name or password/],
    ["https://127.0.0.1/x", /loopback/],
    ["https://localhost/x", /internal name/],
    ["https://api.localhost/x", /internal name/],
    ["https://metadata.google.internal/computeMetadata/v1/", /internal name/],
    ["https://metadata/x", /internal name/],
    ["https://printer.local/x", /internal name/],
    ["https://[::1]/x", /loopback/],
    ["https://[::ffff:127.0.0.1]/x", /loopback/],
    ["https://[::ffff:169.254.169.254]/x", /cloud metadata/],
    ["https://[fd00:ec2::254]/x", /cloud metadata/],
    ["https://169.254.169.254/latest/meta-data/", /cloud metadata/],
    // Decimal, octal and hex spellings of IPv4 addresses are what they spell.
    ["https://2130706433/x", /loopback/],
    ["https://0x7f000001/x", /loopback/],
    ["https://0177.0.0.1/x", /loopback/],
    ["https://0x7f.1/x", /loopback/],
    ["https://127.1/x", /loopback/],
    ["https://017700000001/x", /loopback/],
    ["https://0xa9fea9fe/x", /cloud metadata/],
    ["https://2852039166/x", /cloud metadata/],
    ["https://10.1/x", /private/],
    ["https://0/x", /unspecified/],
    ["not a url", /not a web address/],
    ["https://" + "a".repeat(2100) + ".com/", /too long/],
  ];
  it.each(refused)("%s is refused", (raw, message) => {
    const r = checkWebhookUrl(raw, []);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("accepts an https URL with a public name or address, and says whether it must be resolved", () => {
    expect(checkWebhookUrl("https://hooks.example.com/lantern?x=1", [])).toMatchObject({ ok: true, host: "hooks.example.com", ip: null });
    expect(checkWebhookUrl("https://93.184.215.14:8443/in", [])).toMatchObject({ ok: true, ip: "93.184.215.14" });
    expect(checkWebhookUrl("https://[2606:4700::6810:85e5]/in", [])).toMatchObject({ ok: true, ip: "2606:4700::6810:85e5" });
  });

  it("lets a test receiver through only at an exact allowed origin (plain http too)", () => {
    const allow = ["http://127.0.0.1:3431"];
    expect(checkWebhookUrl("http://127.0.0.1:3431/hook", allow)).toMatchObject({ ok: true, testOrigin: true });
    expect(checkWebhookUrl("http://127.0.0.1:3432/hook", allow).ok).toBe(false);
    expect(checkWebhookUrl("https://127.0.0.1:3431/hook", allow).ok).toBe(false);
    expect(checkWebhookUrl("http://localhost:3431/hook", allow).ok).toBe(false);
    expect(checkWebhookUrl("http://u:p@127.0.0.1:3431/hook", allow).ok).toBe(false);
  });
});
