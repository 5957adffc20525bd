import t from 'tap';
import { formatDuration, MAX_DURATION_MS, parseDuration } from '../src/core/duration.js';

t.test('durations parse in every unit and in combination', async (t) => {
  t.equal(parseDuration('90s'), 90_000);
  t.equal(parseDuration('15m'), 900_000);
  t.equal(parseDuration('4h'), 14_400_000);
  t.equal(parseDuration('1d'), 86_400_000);
  t.equal(parseDuration('2w'), 1_209_600_000);
  t.equal(parseDuration('1h30m'), 5_400_000);
  t.equal(parseDuration('0s'), 0);
});

t.test('anything else is not a duration', async (t) => {
  for (const bad of ['', '15', 'm', '-5m', '1.5h', '30m1h', '1h1h', '15 m', '1y', '99999999999d', 'x'.repeat(50), `${MAX_DURATION_MS / 1000 + 1}s`]) {
    t.equal(parseDuration(bad), undefined, bad);
  }
});

t.test('durations print largest unit first and round-trip', async (t) => {
  t.equal(formatDuration(0), '0s');
  t.equal(formatDuration(5_400_000), '1h30m');
  t.equal(formatDuration(694_861_000), '1w1d1h1m1s');
  for (const s of ['90s', '1h30m', '2w3d']) t.equal(parseDuration(formatDuration(parseDuration(s)!)), parseDuration(s));
});
