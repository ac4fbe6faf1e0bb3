import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  InvalidPeriodError, dataWindow, formatPeriod, formatPeriodDhis2, monthsOf, nextPeriod, offsetPeriod,
  parsePeriod, periodContains, periodEnd, periodEquals, periodLabel, periodStart, previousPeriod,
  reportDeadline, tryParsePeriod, yearToDateMonths, addDays, PERIOD_TYPES, periodsInYear, periodCountsTowards,
  periodOfDate, periodStartingOn, periodsWithin, weekday,
} from './period.ts';
import type { Period } from './period.ts';

const p = parsePeriod;
const codes = (periods: Period[]) => periods.map(formatPeriod);

describe('parsePeriod', () => {
  const valid: [string, Period][] = [
    ['2022-04', { type: 'month', year: 2022, index: 4 }],
    ['2022-Q2', { type: 'quarter', year: 2022, index: 2 }],
    ['2022-q2', { type: 'quarter', year: 2022, index: 2 }],
    ['2022-H1', { type: 'half', year: 2022, index: 1 }],
    ['2022-h2', { type: 'half', year: 2022, index: 2 }],
    ['2022', { type: 'year', year: 2022, index: 1 }],
    ['202204', { type: 'month', year: 2022, index: 4 }],
    ['2022Q2', { type: 'quarter', year: 2022, index: 2 }],
    ['2022q4', { type: 'quarter', year: 2022, index: 4 }],
    ['2022S1', { type: 'half', year: 2022, index: 1 }],
    ['2022s2', { type: 'half', year: 2022, index: 2 }],
    ['  2022-12 \n', { type: 'month', year: 2022, index: 12 }],
    ['1900-01', { type: 'month', year: 1900, index: 1 }],
    ['2999', { type: 'year', year: 2999, index: 1 }],
  ];
  for (const [input, expected] of valid) {
    it(`reads ${JSON.stringify(input)}`, () => assert.deepEqual(p(input), expected));
  }

  const invalid: [string, RegExp][] = [
    ['2022-13', /tháng phải từ 1 đến 12/],
    ['2022-00', /tháng phải từ 1 đến 12/],
    ['202213', /tháng phải từ 1 đến 12/],
    ['2022-Q5', /quý phải từ 1 đến 4/],
    ['2022-Q0', /quý phải từ 1 đến 4/],
    ['2022-H3', /nửa năm phải từ 1 đến 2/],
    ['2022S3', /nửa năm phải từ 1 đến 2/],
    ['', /chuỗi rỗng/],
    ['   ', /chuỗi rỗng/],
    ['abc', /không đúng dạng/],
    ['2022-4', /không đúng dạng/],
    ['2022-02-30', /không có ngày 30/],
    ['2021W53', /tuần phải từ 1 đến 52/],
    ['202202B', /tháng lẻ/],
    ['2022BiW27', /hai tuần phải từ 1 đến 26/],
    ['2020BiW28', /hai tuần phải từ 1 đến 27/],
    ['1899', /năm phải từ 1900 đến 2999/],
    ['3000-01', /năm phải từ 1900 đến 2999/],
  ];
  for (const [input, reason] of invalid) {
    it(`rejects ${JSON.stringify(input)} saying why`, () => {
      assert.throws(() => p(input), (error: unknown) => {
        assert.ok(error instanceof InvalidPeriodError);
        assert.equal(error.input, input);
        assert.match(error.reason, reason);
        assert.ok(error.message.includes(`"${input}"`));
        return true;
      });
    });
  }

  it('tryParsePeriod returns the error instead of throwing', () => {
    const result = tryParsePeriod('2022-Q5');
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, 'invalid_period');
    assert.deepEqual(tryParsePeriod('2022-Q1'), { ok: true, period: { type: 'quarter', year: 2022, index: 1 } });
  });
});

describe('formatting codes', () => {
  const table: [string, string, string][] = [
    ['2022-04', '2022-04', '202204'],
    ['2022Q2', '2022-Q2', '2022Q2'],
    ['2022-H2', '2022-H2', '2022S2'],
    ['2022', '2022', '2022'],
  ];
  for (const [input, canonical, dhis2] of table) {
    it(`${input} → ${canonical} / ${dhis2}`, () => {
      assert.equal(formatPeriod(p(input)), canonical);
      assert.equal(formatPeriodDhis2(p(input)), dhis2);
    });
  }
});

describe('previous, next, offset', () => {
  const table: [string, number, string][] = [
    ['2022-04', 1, '2022-05'],
    ['2022-01', -1, '2021-12'],
    ['2022-12', 1, '2023-01'],
    ['2022-04', -12, '2021-04'],
    ['2022-04', 25, '2024-05'],
    ['2022-Q1', -1, '2021-Q4'],
    ['2022-Q4', 1, '2023-Q1'],
    ['2022-H1', -1, '2021-H2'],
    ['2022-H2', 3, '2024-H1'],
    ['2022', -1, '2021'],
    ['2022', 0, '2022'],
  ];
  for (const [input, n, expected] of table) {
    it(`${input} offset ${n} → ${expected}`, () => assert.equal(formatPeriod(offsetPeriod(p(input), n)), expected));
  }
  it('previous and next step by one', () => {
    assert.equal(formatPeriod(previousPeriod(p('2022-01'))), '2021-12');
    assert.equal(formatPeriod(nextPeriod(p('2022-Q4'))), '2023-Q1');
  });
});

describe('periodContains', () => {
  const table: [string, string, boolean][] = [
    ['2022-Q2', '2022-04', true],
    ['2022-Q2', '2022-06', true],
    ['2022-Q2', '2022-07', false],
    ['2022-Q2', '2021-04', false],
    ['2022-H1', '2022-Q2', true],
    ['2022-H1', '2022-Q3', false],
    ['2022-H2', '2022-12', true],
    ['2022', '2022-H2', true],
    ['2022', '2023-01', false],
    ['2022-04', '2022-04', true],
    ['2022-04', '2022-Q2', false],
    ['2022-Q2', '2022-H1', false],
  ];
  for (const [outer, inner, expected] of table) {
    it(`${outer} ${expected ? 'contains' : 'does not contain'} ${inner}`, () => assert.equal(periodContains(p(outer), p(inner)), expected));
  }
});

describe('months and dates', () => {
  it('monthsOf lists the covered months in order', () => {
    assert.deepEqual(codes(monthsOf(p('2022-Q2'))), ['2022-04', '2022-05', '2022-06']);
    assert.deepEqual(codes(monthsOf(p('2022-H2'))), ['2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12']);
    assert.equal(monthsOf(p('2022')).length, 12);
    assert.deepEqual(codes(monthsOf(p('2022-04'))), ['2022-04']);
  });

  const bounds: [string, string, string][] = [
    ['2022-04', '2022-04-01', '2022-04-30'],
    ['2022-02', '2022-02-01', '2022-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2022-Q1', '2022-01-01', '2022-03-31'],
    ['2022-H2', '2022-07-01', '2022-12-31'],
    ['2022', '2022-01-01', '2022-12-31'],
  ];
  for (const [input, start, end] of bounds) {
    it(`${input} runs from ${start} to ${end}`, () => {
      assert.equal(periodStart(p(input)), start);
      assert.equal(periodEnd(p(input)), end);
    });
  }

  const windows: [string, string, string, string][] = [
    ['2022-04', '2022-03-15', '2022-04-14', '2022-04-15'],
    ['2022-01', '2021-12-15', '2022-01-14', '2022-01-15'],
    ['2022-Q2', '2022-03-15', '2022-06-14', '2022-06-15'],
    ['2022-Q1', '2021-12-15', '2022-03-14', '2022-03-15'],
    ['2022-H1', '2021-12-15', '2022-06-14', '2022-06-15'],
    ['2022-H2', '2022-06-15', '2022-12-14', '2022-12-15'],
    ['2022', '2021-12-15', '2022-12-14', '2022-12-15'],
  ];
  for (const [input, from, to, deadline] of windows) {
    it(`${input}: data window ${from}..${to}, due ${deadline}`, () => {
      assert.deepEqual(dataWindow(p(input)), { from, to });
      assert.equal(reportDeadline(p(input)), deadline);
    });
  }

  it('the seed documents of April 2022 fall inside its window', () => {
    const { from, to } = dataWindow(p('2022-04'));
    for (const date of ['2022-03-18', '2022-03-25', '2022-03-29', '2022-04-06', '2022-04-12']) {
      assert.ok(from <= date && date <= to, date);
    }
  });

  it('addDays crosses months, years and leap days', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2022-12-31', 1), '2023-01-01');
    assert.equal(addDays('2022-01-01', -1), '2021-12-31');
    assert.equal(addDays('2022-03-01', -1), '2022-02-28');
  });
});

describe('periodLabel', () => {
  const table: [string, string][] = [
    ['2022-04', 'tháng 4 năm 2022'],
    ['2022-12', 'tháng 12 năm 2022'],
    ['2022-Q1', 'quý I năm 2022'],
    ['2022-Q2', 'quý II năm 2022'],
    ['2022-Q3', 'quý III năm 2022'],
    ['2022-Q4', 'quý IV năm 2022'],
    ['2022-H1', '6 tháng đầu năm 2022'],
    ['2022-H2', '6 tháng cuối năm 2022'],
    ['2022', 'năm 2022'],
  ];
  for (const [input, label] of table) {
    it(`${input} → ${label}`, () => assert.equal(periodLabel(p(input)), label));
  }
});

describe('periodEquals and yearToDateMonths', () => {
  it('compares type, year and index', () => {
    assert.equal(periodEquals(p('2022-04'), p('202204')), true);
    assert.equal(periodEquals(p('2022-04'), p('2022-05')), false);
    assert.equal(periodEquals(p('2022'), p('2022-01')), false);
  });
  it('year to date runs from January to the month', () => {
    assert.deepEqual(codes(yearToDateMonths(p('2022-04'))), ['2022-01', '2022-02', '2022-03', '2022-04']);
    assert.deepEqual(codes(yearToDateMonths(p('2022-01'))), ['2022-01']);
    assert.deepEqual(codes(yearToDateMonths(p('2022-Q2'))), ['2022-04', '2022-05', '2022-06']);
  });
});

describe('properties', () => {
  const arbPeriod = fc.constantFrom(...PERIOD_TYPES).chain((type) =>
    fc.integer({ min: 1950, max: 2950 }).chain((year) =>
      fc.integer({ min: 1, max: periodsInYear(type, year) }).map((index): Period => ({ type, year, index }))));

  it('parse∘format is the identity for canonical and DHIS2 codes', () => {
    fc.assert(fc.property(arbPeriod, (period) => {
      assert.deepEqual(parsePeriod(formatPeriod(period)), period);
      assert.deepEqual(parsePeriod(formatPeriodDhis2(period)), period);
      assert.equal(formatPeriod(parsePeriod(formatPeriod(period))), formatPeriod(period));
    }));
  });

  it('offset by n then -n returns the period; next undoes previous', () => {
    fc.assert(fc.property(arbPeriod, fc.integer({ min: -400, max: 400 }), (period, n) => {
      assert.deepEqual(offsetPeriod(offsetPeriod(period, n), -n), period);
      assert.deepEqual(nextPeriod(previousPeriod(period)), period);
    }));
  });

  it('every month of a period is contained in it, and its window ends before its deadline', () => {
    fc.assert(fc.property(arbPeriod, (period) => {
      for (const month of monthsOf(period)) assert.ok(periodContains(period, month));
      const { from, to } = dataWindow(period);
      assert.ok(from <= to && to < reportDeadline(period));
    }));
  });

  it('consecutive periods of a type tile the calendar: each starts the day after the previous ends', () => {
    fc.assert(fc.property(arbPeriod, (period) => {
      assert.equal(periodStart(nextPeriod(period)), addDays(periodEnd(period), 1));
      assert.deepEqual(periodOfDate(period.type, periodStart(period)), period);
      assert.deepEqual(periodOfDate(period.type, periodEnd(period)), period);
      assert.deepEqual(periodStartingOn(period.type, periodStart(period)), period);
    }));
  });

  it('any string either parses or throws InvalidPeriodError', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\s?\d{4}[-qQhHsS]?\d{0,2}\s?$/)), (input) => {
      try {
        parsePeriod(input);
      } catch (error) {
        assert.ok(error instanceof InvalidPeriodError);
      }
    }));
  });
});

describe('the periods of a year', () => {
  // Storage reads "every value of these years" as a range of codes from "2021" to
  // "2022" (data-value-repository.ts): it holds only if the periods whose year is Y,
  // each of whose canonical codes begins with Y, are exactly those counting towards
  // the year Y plus the financial years and April halves starting in it.
  for (const year of [2020, 2021, 2024]) {
    it(`${year}: the periods counting towards it are those whose year it is, and their codes begin with it`, () => {
      const counting = new Set([
        ...codes(periodsWithin({ type: 'year', year, index: 1 })),
        ...(['fy-apr', 'fy-jul', 'fy-oct'] as const).map((type) => formatPeriod({ type, year, index: 1 })),
        formatPeriod({ type: 'half-apr', year, index: 2 }),
      ]);
      const ofYear = new Set(PERIOD_TYPES.flatMap((type) => Array.from({ length: periodsInYear(type, year) }, (_, i) => formatPeriod({ type, year, index: i + 1 }))));
      assert.deepEqual([...counting].sort(), [...ofYear].sort());
      for (const code of ofYear) assert.ok(code.startsWith(String(year)) && code >= String(year) && code < String(year + 1), code);
    });
  }
});

describe('DHIS2 period types', () => {
  const table: [string, string, string, string, string][] = [
    // input, canonical, DHIS2, start, end
    ['20220415', '2022-04-15', '20220415', '2022-04-15', '2022-04-15'],
    ['2022-04-15', '2022-04-15', '20220415', '2022-04-15', '2022-04-15'],
    ['2022W5', '2022-W05', '2022W5', '2022-01-31', '2022-02-06'],
    ['2022W05', '2022-W05', '2022W5', '2022-01-31', '2022-02-06'],
    ['2020W53', '2020-W53', '2020W53', '2020-12-28', '2021-01-03'],
    ['2021W1', '2021-W01', '2021W1', '2021-01-04', '2021-01-10'],
    ['2022WedW5', '2022-WedW05', '2022WedW5', '2022-01-26', '2022-02-01'],
    ['2022ThuW5', '2022-ThuW05', '2022ThuW5', '2022-01-27', '2022-02-02'],
    ['2022SatW5', '2022-SatW05', '2022SatW5', '2022-01-29', '2022-02-04'],
    ['2022SunW5', '2022-SunW05', '2022SunW5', '2022-01-30', '2022-02-05'],
    ['2022BiW1', '2022-BiW01', '2022BiW1', '2022-01-03', '2022-01-16'],
    ['2022BiW3', '2022-BiW03', '2022BiW3', '2022-01-31', '2022-02-13'],
    ['202201B', '2022-B1', '202201B', '2022-01-01', '2022-02-28'],
    ['202203B', '2022-B2', '202203B', '2022-03-01', '2022-04-30'],
    ['2022-B6', '2022-B6', '202211B', '2022-11-01', '2022-12-31'],
    ['2022AprilS1', '2022-AprilS1', '2022AprilS1', '2022-04-01', '2022-09-30'],
    ['2022AprilS2', '2022-AprilS2', '2022AprilS2', '2022-10-01', '2023-03-31'],
    ['2022April', '2022-April', '2022April', '2022-04-01', '2023-03-31'],
    ['2022July', '2022-July', '2022July', '2022-07-01', '2023-06-30'],
    ['2022Oct', '2022-Oct', '2022Oct', '2022-10-01', '2023-09-30'],
  ];
  for (const [input, canonical, dhis2, start, end] of table) {
    it(`${input}: ${canonical} / ${dhis2}, ${start}..${end}`, () => {
      const period = p(input);
      assert.equal(formatPeriod(period), canonical);
      assert.equal(formatPeriodDhis2(period), dhis2);
      assert.equal(periodStart(period), start);
      assert.equal(periodEnd(period), end);
      assert.deepEqual(p(canonical), period);
      assert.deepEqual(p(dhis2), period);
    });
  }

  it('weeks start on their weekday and ISO years have 52 or 53 weeks', () => {
    assert.equal(weekday(periodStart(p('2022W5'))), 1);
    assert.equal(weekday(periodStart(p('2022WedW5'))), 3);
    assert.equal(weekday(periodStart(p('2022SunW5'))), 7);
    assert.equal(periodsInYear('week', 2020), 53);
    assert.equal(periodsInYear('week', 2022), 52);
    assert.equal(periodsInYear('day', 2024), 366);
  });

  it('offsets cross years for weeks and days', () => {
    assert.equal(formatPeriod(nextPeriod(p('2020W53'))), '2021-W01');
    assert.equal(formatPeriod(previousPeriod(p('2021W1'))), '2020-W53');
    assert.equal(formatPeriod(nextPeriod(p('2022-12-31'))), '2023-01-01');
    assert.equal(formatPeriod(offsetPeriod(p('2022April'), -1)), '2021-April');
    assert.equal(formatPeriod(nextPeriod(p('2022AprilS2'))), '2023-AprilS1');
    // Bi-week 27 of a 53-week year is week 53 alone.
    assert.equal(periodEnd(p('2020BiW27')), '2021-01-03');
    assert.equal(formatPeriod(nextPeriod(p('2020BiW27'))), '2021-BiW01');
  });

  it('a week counts towards the month, quarter and year holding most of its days', () => {
    // 2022W5 runs Mon 31 Jan to Sun 6 Feb: four of its days are in February.
    assert.equal(periodCountsTowards(p('2022-02'), p('2022W5')), true);
    assert.equal(periodCountsTowards(p('2022-01'), p('2022W5')), false);
    // 2020W53 runs 28 Dec 2020 to 3 Jan 2021: it belongs to 2020, as its name says.
    assert.equal(periodCountsTowards(p('2020'), p('2020W53')), true);
    assert.equal(periodCountsTowards(p('2021'), p('2020W53')), false);
    // A bi-month straddling two quarters counts towards neither, only the half and year.
    assert.equal(periodCountsTowards(p('2022-Q1'), p('202203B')), false);
    assert.equal(periodCountsTowards(p('2022-H1'), p('202203B')), true);
    assert.equal(periodCountsTowards(p('2022'), p('2022AprilS1')), true);
    assert.equal(periodCountsTowards(p('2022'), p('2022AprilS2')), false);
  });

  it('periodsWithin a year lists its quarters, halves, months, weeks and days, and nothing of the next year', () => {
    const codesWithin = periodsWithin(p('2022')).map(formatPeriod);
    for (const code of ['2022', '2022-Q3', '2022-H2', '2022-12', '2022-B6', '2022-W52', '2022-12-31', '2022-AprilS1', '2022-BiW26']) {
      assert.ok(codesWithin.includes(code), code);
    }
    for (const code of ['2023-01', '2022-AprilS2', '2022-April', '2021-W52', '2023-W01']) assert.ok(!codesWithin.includes(code), code);
    assert.equal(new Set(codesWithin).size, codesWithin.length);
    assert.equal(codesWithin.filter((code) => /^\d{4}-\d{2}-\d{2}$/.test(code)).length, 365);
  });

  it('labels say the dates of weeks and financial years', () => {
    assert.equal(periodLabel(p('2022W5')), 'tuần 5 năm 2022 (31/01/2022–06/02/2022)');
    assert.equal(periodLabel(p('2022-04-15')), 'ngày 15/04/2022');
    assert.equal(periodLabel(p('202203B')), 'tháng 3–4 năm 2022');
    assert.equal(periodLabel(p('2022July')), 'năm tài chính 2022 (01/07/2022–30/06/2023)');
  });
});
