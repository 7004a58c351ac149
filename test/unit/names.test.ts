import { describe, expect, it } from 'vitest';
import { nameIn } from '../../shared/names';

describe('names in both languages', () => {
  it('shows the reader the name in their language, Finnish for English readers', () => {
    expect(nameIn('Perheneuvola / Familjerådgivningen', 'fi')).toBe('Perheneuvola');
    expect(nameIn('Perheneuvola / Familjerådgivningen', 'sv')).toBe('Familjerådgivningen');
    expect(nameIn('Perheneuvola / Familjerådgivningen', 'en')).toBe('Perheneuvola');
  });

  it('leaves a name of one language, or with a slash of its own, as it is', () => {
    expect(nameIn('Omaolo', 'sv')).toBe('Omaolo');
    expect(nameIn('A / B / C', 'sv')).toBe('A / B / C');
    expect(nameIn('Koulu/päiväkoti', 'sv')).toBe('Koulu/päiväkoti');
    expect(nameIn(' / Familjerådgivningen', 'fi')).toBe(' / Familjerådgivningen');
  });
});
