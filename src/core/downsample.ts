/**
 * Reduces a series to about as many points as a chart has pixels, keeping its visual shape.
 * Inputs are ArrayLike so the typed arrays from NumericRing pass through without copying.
 */

export interface Series {
  times: Float64Array;
  values: Float64Array;
}

function copySeries(times: ArrayLike<number>, values: ArrayLike<number>, count: number): Series {
  const out = { times: new Float64Array(count), values: new Float64Array(count) };
  for (let i = 0; i < count; i++) {
    out.times[i] = times[i] as number;
    out.values[i] = values[i] as number;
  }
  return out;
}

/**
 * Largest-Triangle-Three-Buckets (Steinarsson, "Downsampling Time Series for Visual
 * Representation", 2013): keeps the first and last points and, from each bucket in
 * between, the point forming the largest triangle with the previously kept point and the
 * next bucket's average, so spikes survive.
 *
 * Reads the first `count` points. Returns a copy of them when `count <= threshold`;
 * otherwise exactly `threshold` points. A threshold below 3 leaves no room for buckets:
 * 2 keeps the endpoints, 1 the last point, 0 or less nothing.
 */
export function lttb(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  count: number,
  threshold: number,
): Series {
  const n = Math.max(0, Math.min(Math.floor(count), times.length, values.length));
  const target = Math.floor(threshold);
  if (n <= target) return copySeries(times, values, n);
  if (target <= 0) return copySeries(times, values, 0);
  if (target === 1) {
    return {
      times: Float64Array.of(times[n - 1] as number),
      values: Float64Array.of(values[n - 1] as number),
    };
  }

  const outTimes = new Float64Array(target);
  const outValues = new Float64Array(target);
  outTimes[0] = times[0] as number;
  outValues[0] = values[0] as number;

  // Buckets cover points 1..n-2; the endpoints are kept as they are.
  const every = (n - 2) / (target - 2);
  let kept = 0; // index of the previously kept point
  for (let bucket = 0; bucket < target - 2; bucket++) {
    // Average of the next bucket (the last bucket looks ahead to the final point).
    const nextStart = Math.floor((bucket + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * every) + 1, n);
    let avgTime = 0;
    let avgValue = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgTime += times[j] as number;
      avgValue += values[j] as number;
    }
    const nextCount = nextEnd - nextStart;
    avgTime /= nextCount;
    avgValue /= nextCount;

    const start = Math.floor(bucket * every) + 1;
    const end = Math.floor((bucket + 1) * every) + 1;
    const keptTime = times[kept] as number;
    const keptValue = values[kept] as number;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      // Twice the triangle's area; the factor does not change which point wins.
      const area = Math.abs(
        (keptTime - avgTime) * ((values[j] as number) - keptValue) -
          (keptTime - (times[j] as number)) * (avgValue - keptValue),
      );
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    outTimes[bucket + 1] = times[best] as number;
    outValues[bucket + 1] = values[best] as number;
    kept = best;
  }

  outTimes[target - 1] = times[n - 1] as number;
  outValues[target - 1] = values[n - 1] as number;
  return { times: outTimes, values: outValues };
}
