// "1 supplier", "2 suppliers", "1,204 suppliers": counts with the noun in the right number.
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
