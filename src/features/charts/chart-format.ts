/** Up to two decimals, as sent: 118.25 stays 118.25, 21.4 is not padded to 21.40. */
export function formatValue(value: number, unit: string): string {
  return `${Number(value.toFixed(2))}${unit ? ` ${unit}` : ''}`;
}
