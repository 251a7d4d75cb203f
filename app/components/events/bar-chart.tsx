// A small bar chart as SVG, described for screen readers; the page shows the same figures
// in a table beside it.
export function BarChart({ data, label }: { data: Array<{ label: string; value: number }>; label: string }) {
  const max = Math.max(1, ...data.map((d) => d.value))
  const barWidth = 24
  const gap = 8
  const height = 120
  // Room for at least two weeks of bars, so a few days do not stretch into giant bars.
  const width = Math.max(14, data.length) * (barWidth + gap) + gap
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height + 30}`} role="img" aria-label={label}>
      <title>{label}</title>
      {data.map((d, i) => {
        const h = Math.round((d.value / max) * height)
        const x = gap + i * (barWidth + gap)
        return (
          <g key={d.label}>
            <rect x={x} y={height - h + 12} width={barWidth} height={h} />
            <text x={x + barWidth / 2} y={height - h + 9} textAnchor="middle">
              {d.value}
            </text>
            <text x={x + barWidth / 2} y={height + 26} textAnchor="middle">
              {d.label.slice(5)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
