/**
 * @module Cumulative curves as plain SVG: one line per curve over the years, a point per year; hovering or
 * focusing a point shows what `describe` says of it (the jurisdictions adopted by then). Drawn at the pixel
 * width of its box so the labels stay readable on a phone.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface Curve {
  key: string;
  label: string;
  values: number[];
}

/** Ten well-separated colours (Tableau 10) and two more; past twelve the lines are also dashed. */
export const CURVE_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#17becf',
  '#7f3c8d',
];
// eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- an index modulo the length of a non-empty list
export const curveColour = (index: number) => CURVE_COLOURS[index % CURVE_COLOURS.length]!;
export const curveDash = (index: number) => (index < CURVE_COLOURS.length ? undefined : '6 3');

function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

const MARGIN = { top: 12, right: 16, bottom: 36, left: 44 };

export function CurveChart({
  xs,
  curves,
  yMax,
  xLabel,
  yLabel,
  highlighted,
  describe,
  height = 380,
}: {
  xs: readonly number[];
  curves: readonly Curve[];
  yMax: number;
  xLabel: string;
  yLabel: string;
  highlighted: string | null;
  describe: (curve: Curve, index: number) => ReactNode;
  height?: number;
}) {
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<{ key: string; index: number } | null>(null);
  const plotWidth = Math.max(width - MARGIN.left - MARGIN.right, 40);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const x = (index: number) => MARGIN.left + (xs.length <= 1 ? plotWidth / 2 : (index * plotWidth) / (xs.length - 1));
  const y = (value: number) => MARGIN.top + plotHeight - (yMax === 0 ? 0 : (value * plotHeight) / yMax);
  // Curves with the same counts would hide one another: each is drawn a little apart (at most a fifth of
  // a unit in all), so every line stays visible; the points keep their exact values in the tooltip.
  const spread = Math.min(2, yMax === 0 ? 0 : plotHeight / yMax / 5 / Math.max(curves.length, 1));
  const offset = (index: number) => (index - (curves.length - 1) / 2) * spread;
  const yTicks = Array.from({ length: yMax + 1 }, (_, value) => value).filter((value) => yMax <= 10 || value % Math.ceil(yMax / 10) === 0);
  // Years: every one when they fit (≈ 40 px each), else every second or more.
  const xStep = Math.max(1, Math.ceil((xs.length * 40) / plotWidth));
  // The highlighted curve, then the hovered one, are drawn last so they lie on top.
  const order = curves
    .map((curve, index) => ({ curve, index }))
    .sort((a, b) => Number(a.curve.key === highlighted) - Number(b.curve.key === highlighted));
  const hovered = hover ? curves.find((curve) => curve.key === hover.key) : undefined;
  return (
    <div className="curve-chart" ref={boxRef} style={{ height }}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={`${yLabel} / ${xLabel}`} data-testid="curve-chart">
          {yTicks.map((value) => (
            <g key={value}>
              <line x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(value)} y2={y(value)} className="grid" />
              <text x={MARGIN.left - 6} y={y(value)} dy="0.32em" textAnchor="end" className="tick">
                {value}
              </text>
            </g>
          ))}
          {xs.map((year, index) =>
            index % xStep === 0 ? (
              <text key={year} x={x(index)} y={MARGIN.top + plotHeight + 16} textAnchor="middle" className="tick">
                {year}
              </text>
            ) : null,
          )}
          <text x={MARGIN.left + plotWidth / 2} y={height - 4} textAnchor="middle" className="axis-label">
            {xLabel}
          </text>
          <text transform={`translate(12 ${MARGIN.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
            {yLabel}
          </text>
          {order.map(({ curve, index }) => {
            const emphasised = curve.key === highlighted || curve.key === hover?.key;
            const faded = highlighted !== null && curve.key !== highlighted;
            return (
              <g key={curve.key} data-testid="curve" data-key={curve.key} className={faded ? 'faded' : ''}>
                <polyline
                  points={curve.values.map((value, at) => `${x(at)},${y(value) + offset(index)}`).join(' ')}
                  fill="none"
                  stroke={curveColour(index)}
                  strokeWidth={emphasised ? 3.5 : 2}
                  strokeDasharray={curveDash(index)}
                />
                {curve.values.map((value, at) => (
                  <circle
                    key={at}
                    cx={x(at)}
                    cy={y(value) + offset(index)}
                    r={emphasised ? 5 : 4}
                    fill={curveColour(index)}
                    tabIndex={0}
                    data-testid="curve-point"
                    data-key={curve.key}
                    data-year={xs[at]}
                    aria-label={`${curve.label} ${xs[at] ?? ''}: ${value}`}
                    onMouseEnter={() => setHover({ key: curve.key, index: at })}
                    onMouseLeave={() => setHover(null)}
                    onFocus={() => setHover({ key: curve.key, index: at })}
                    onBlur={() => setHover(null)}
                  />
                ))}
              </g>
            );
          })}
        </svg>
      )}
      {hover && hovered && (
        <div
          className="curve-tooltip"
          data-testid="curve-tooltip"
          role="status"
          style={{
            left: Math.min(Math.max(x(hover.index) - 110, 0), Math.max(width - 220, 0)),
            top: Math.max(y(hovered.values[hover.index] ?? 0) + 12, 0),
          }}
        >
          {describe(hovered, hover.index)}
        </div>
      )}
    </div>
  );
}
