// The board's charts (ECharts, loaded with the board only).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Slice {
  name: string;
  value: number;
  color: string;
}

function Chart({ option, height, testId }: { option: object; height: number; testId?: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} opts={{ renderer: 'canvas' }} />
    </div>
  );
}

/** A donut: bases by status. */
export function Donut({ data, height = 240, testId }: { data: Slice[]; height?: number; testId?: string }) {
  const option = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, icon: 'circle' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '44%'],
        label: { show: true, formatter: '{c}', fontSize: 13 },
        data: data.map((d) => ({ name: d.name, value: d.value, itemStyle: { color: d.color } })),
      },
    ],
  };
  return <Chart option={option} height={height} testId={testId} />;
}

/** Bars, one colour each (assessment distribution, bases by type). */
export function Bars({ data, height = 240, horizontal = false, testId }: { data: Slice[]; height?: number; horizontal?: boolean; testId?: string }) {
  const cat = { type: 'category', data: data.map((d) => d.name), axisTick: { show: false }, axisLabel: { interval: 0, width: horizontal ? 160 : 80, overflow: 'break' } };
  const val = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f0f0f0' } } };
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        label: { show: true, position: horizontal ? 'right' : 'top', color: '#595959' },
        data: data.map((d) => ({ value: d.value, itemStyle: { color: d.color, borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] } })),
      },
    ],
  };
  return <Chart option={option} height={height} testId={testId} />;
}

/** Stacked bars: categories on one axis, one series per stack part (reporting progress, grade trends). */
export function Stacked({
  categories, series, height = 260, horizontal = false, testId,
}: { categories: string[]; series: Array<{ name: string; color: string; data: number[] }>; height?: number; horizontal?: boolean; testId?: string }) {
  const cat = { type: 'category', data: categories, axisTick: { show: false } };
  const val = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f0f0f0' } } };
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 36, containLabel: true },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'total',
      barMaxWidth: horizontal ? 28 : 40,
      itemStyle: { color: s.color },
      label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : ''), color: '#fff', fontSize: 11 },
      data: s.data,
    })),
  };
  return <Chart option={option} height={height} testId={testId} />;
}
