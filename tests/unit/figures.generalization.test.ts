import { extractFigures } from '../../src/plugins/raw-import/core';

const valuesOf = (sentence: string) => extractFigures([sentence]).map((f) => f.value);

describe('figures: cases found on held-out texts', () => {
  it('leaves out a phone number without a leading 0 after a calling word ("call 8712 4450")', () => {
    expect(valuesOf('Customers can call 8712 4450 to reserve a bag, and about 120 people queue.')).toEqual([120]);
    expect(valuesOf('Ring us on 555 123 4567 for tickets.')).toEqual([]);
    // Thousands written with spaces are still counts, even after "call".
    expect(valuesOf('The agency will call 140 000 customers.')).toEqual([140000]);
  });

  it('leaves out an age limit on children whatever verb follows ("children under 12 receive")', () => {
    expect(valuesOf('Children under 12 receive a free roll.')).toEqual([]);
    expect(valuesOf('The school has under 12 pupils left.')).toEqual([12]);
  });

  it('leaves out a standard distance naming the race after it ("the 60 metres title")', () => {
    expect(valuesOf('He took the 60 metres title and she won the 400m final.')).toEqual([]);
    expect(valuesOf('The river is 100 metres wide.')).toEqual([100]);
  });
});
