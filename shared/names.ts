/**
 * Names kept in both official languages in one field, "Finnish / Swedish" (the county's teams and the
 * service directory: "Perheneuvola / Familjerådgivningen"), as the county types them. Each reader sees
 * the one in their language (issue 21 item 12); English readers the Finnish one, the county's first
 * language. A name without exactly one " / " is the same in every language.
 */
export function nameIn(name: string, language: string): string {
  const parts = name.split(' / ');
  if (parts.length !== 2 || !parts[0]!.trim() || !parts[1]!.trim()) return name;
  return (language === 'sv' ? parts[1]! : parts[0]!).trim();
}
