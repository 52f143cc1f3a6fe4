import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context';
import type { BarChartSpec } from './chart-draw';

export interface ChartPoint {
  /** The bucket's label as people read it (a date). */
  label: string;
  value: number;
}

/**
 * A bar chart with its text alternative: a caption, a one-line summary that is
 * also the canvas's accessible name, and the figures as a table behind a
 * disclosure. The drawing code (uPlot) is imported when the first chart mounts,
 * so it is not on the first paint's path; should it fail to load, the table is
 * still there. A `chart-ready:<id>` performance mark records when it is drawn.
 */
export function BarChart(props: {
  id: string;
  title: string;
  summary: string;
  valueLabel: string;
  points: ChartPoint[];
  format(value: number): string;
  axisFormat(value: number): string;
  colour: string;
}) {
  const { t } = useApp();
  const canvas = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let destroy: (() => void) | undefined;
    let live = true;
    const spec: BarChartSpec = {
      labels: props.points.map((p) => p.label),
      values: props.points.map((p) => p.value),
      value: props.format,
      axisValue: props.axisFormat,
      colour: props.colour,
    };
    import('./chart-draw')
      .then(({ drawBarChart }) => {
        if (!live || !canvas.current) return;
        destroy = drawBarChart(canvas.current, spec);
        setState('ready');
        performance.mark(`chart-ready:${props.id}`);
      })
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
      destroy?.();
    };
  }, [props.points, props.format]);

  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`} data-state={state}>
      <figcaption>
        <h3 id={`${props.id}-title`} class="chart-title">
          {props.title}
        </h3>
        <p class="muted chart-summary">{props.summary}</p>
      </figcaption>
      {/* Time runs left to right in Hebrew too, as on a calendar's number line; the table reads in the page's direction. */}
      <div class="chart-canvas" dir="ltr" role="img" aria-label={`${props.title}: ${props.summary}`} ref={canvas} />
      {state !== 'ready' && <p class="muted chart-status">{t(state === 'loading' ? 'app.loading' : 'home.chartUnavailable')}</p>}
      <details class="chart-data">
        <summary>{t('home.chartTable')}</summary>
        {/* Scrolls when long: focusable, so the keyboard can scroll it too. */}
        <div class="table-wrap" tabIndex={0} role="region" aria-label={props.title}>
          <table class="table">
            <caption class="sr-only">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.col.date')}</th>
                <th scope="col">{props.valueLabel}</th>
              </tr>
            </thead>
            <tbody>
              {props.points.map((p) => (
                <tr key={p.label}>
                  <th scope="row">{p.label}</th>
                  <td>{props.format(p.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
