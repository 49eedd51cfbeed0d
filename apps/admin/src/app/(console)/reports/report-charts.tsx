'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartPoint {
  label: string;
  value: number;
}

/** A bar chart with its figures also in the table below it (the chart is a picture of them). */
export function ReportBarChart({
  title,
  points,
  unit,
}: {
  title: string;
  points: ChartPoint[];
  unit: string;
}) {
  if (!points.length) return null;
  return (
    <figure
      className="h-64 w-full"
      aria-label={`${title} chart; the figures are in the table below`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis dataKey="label" tick={{ fill: '#334155', fontSize: 12 }} />
          <YAxis tick={{ fill: '#334155', fontSize: 12 }} unit={unit} />
          <Tooltip />
          <Bar dataKey="value" name={title} fill="#1e40af" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
