// Sentences built from data (explanations, action notes, the report) end with one full stop.
/** Ends a sentence after a name without doubling its full stop ("Co., Ltd." + "." → "Co., Ltd."). */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text.trimEnd()) ? text.trimEnd() : `${text}.`;
}
