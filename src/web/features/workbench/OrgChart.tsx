import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Horizontal bars: one per organization kind, longest on top. */
export default function OrgChart({ data, title }: { data: Array<{ label: string; n: number }>; title: string }) {
  const rows = [...data].sort((a, b) => a.n - b.n);
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisTick: { show: false }, axisLine: { lineStyle: { color: '#d9d9d9' } } },
    series: [
      {
        name: title,
        type: 'bar',
        data: rows.map((r) => r.n),
        barMaxWidth: 18,
        itemStyle: { color: '#13488f', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: '#595959' },
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: Math.max(180, rows.length * 34 + 30), width: '100%' }}
      opts={{ renderer: 'canvas' }}
    />
  );
}
