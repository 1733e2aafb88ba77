/**
 * Words a switch reports instead of a number (issue 15: "booleans and `ON`/`OFF` as 1/0"):
 * `ON`/`OFF` as Tasmota, Zigbee2MQTT and Home Assistant send them, and `true`/`false`, in any case
 * and with surrounding white space.
 */
const WORDS: ReadonlyMap<string, 0 | 1> = new Map([
  ['on', 1],
  ['off', 0],
  ['true', 1],
  ['false', 0],
]);

/** 1 or 0 for a switch word (`ON`, `off`, `True`, ` false\n`), null for any other text. */
export function readSwitchWord(text: string): 0 | 1 | null {
  // The longest word is 5 letters: longer text is not one, whatever its white space.
  if (text.length > 32) return null;
  return WORDS.get(text.trim().toLowerCase()) ?? null;
}
