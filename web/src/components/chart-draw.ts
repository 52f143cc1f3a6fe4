import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * The chart drawing code, loaded on demand (a dynamic import from Chart.tsx) so
 * uPlot stays out of the first paint: a bar chart on a canvas, the x axis by
 * index with labels given by the page (dates in the business's language).
 */
export interface BarChartSpec {
  labels: string[];
  values: number[];
  /** A value as written on the y axis. */
  axisValue(value: number): string;
  /** A value as the cursor's readout writes it. */
  value(value: number): string;
  colour: string;
}

const HEIGHT = 220;
const INK = '#4a5565';
const GRID = '#e3e8ef';

export function drawBarChart(el: HTMLElement, spec: BarChartSpec): () => void {
  const xs = spec.labels.map((_, i) => i);
  const font = '12px system-ui, sans-serif';
  const width = () => Math.max(240, el.clientWidth);
  const chart = new uPlot(
    {
      width: width(),
      height: HEIGHT,
      scales: { x: { time: false, range: [-0.6, xs.length - 0.4] }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      axes: [
        {
          stroke: INK,
          font,
          grid: { show: false },
          ticks: { show: false },
          space: 48,
          incrs: [1, 2, 3, 7, 14],
          values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (spec.labels[i] ?? '') : '')),
        },
        {
          stroke: INK,
          font,
          size: 72,
          grid: { stroke: GRID, width: 1 },
          ticks: { show: false },
          values: (_u, splits) => splits.map((v) => spec.axisValue(v)),
        },
      ],
      series: [
        {},
        {
          fill: spec.colour,
          stroke: spec.colour,
          width: 0,
          points: { show: false },
          paths: uPlot.paths.bars!({ size: [0.7, 28], align: 0 }),
          value: (_u, v) => (v == null ? '' : spec.value(v)),
        },
      ],
    },
    [xs, spec.values],
    el,
  );
  const resized = new ResizeObserver(() => chart.setSize({ width: width(), height: HEIGHT }));
  resized.observe(el);
  return () => {
    resized.disconnect();
    chart.destroy();
  };
}
