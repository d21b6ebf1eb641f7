/** US$ per million tokens (input, output) of common models; unknown models have no cost shown. */
const prices: Record<string, [number, number]> = {
  'gpt-4.1': [2, 8],
  'gpt-4.1-mini': [0.4, 1.6],
  'gpt-4.1-nano': [0.1, 0.4],
  'gpt-4o': [2.5, 10],
  'gpt-4o-mini': [0.15, 0.6],
  'claude-sonnet-4-5': [3, 15],
  'claude-haiku-4-5': [1, 5],
  'gemini-2.5-flash': [0.3, 2.5],
  'gemini-2.5-pro': [1.25, 10],
};

/** Cost of a turn in millionths of a US dollar, or null when the model's price is unknown. */
export function costMicros(model: string, tokensIn: number, tokensOut: number): number | null {
  const price = prices[model] ?? prices[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  if (!price) return null;
  return Math.round(tokensIn * price[0] + tokensOut * price[1]);
}
