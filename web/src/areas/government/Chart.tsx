import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces the dashboard draws (keeps the bundle small); canvas: no inline style sheets.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  AriaComponent,
  CanvasRenderer,
]);

/**
 * An ECharts chart of the given height and the width of its box, redrawn when the option changes
 * and on resize. ECharts rewrites the chart element's style, so the size is passed to it (and the
 * box keeps the height). The caller gives a text description (`label`); a data table follows.
 */
export function Chart(props: {
  option: EChartsCoreOption;
  label: string;
  height: number;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const height = props.height;

  useEffect(() => {
    if (!el.current || !box.current) return;
    const outer = box.current;
    const c = echarts.init(el.current, undefined, {
      renderer: 'canvas',
      width: outer.clientWidth || undefined,
      height,
    });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize({ width: outer.clientWidth, height }));
    observer.observe(outer);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    chart.current?.setOption({ aria: { enabled: true }, animation: !still, ...props.option }, true);
  }, [props.option, height]);

  return (
    // The canvas sits in an absolutely placed layer, so it never widens the page on a phone.
    <div ref={box} style={{ height, width: '100%', position: 'relative', overflow: 'hidden' }}>
      <div style={{ position: 'absolute', inset: 0 }}>
        <div ref={el} role="img" aria-label={props.label} data-testid={props.testId} />
      </div>
    </div>
  );
}
