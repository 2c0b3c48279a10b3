/** A QR code on the page: black on white in every theme (scanners want that contrast). */
import { useMemo } from "react";
import { qrSymbol } from "./qr";

export function QrCode(props: { text: string; size: number; label: string; testId?: string }) {
  const symbol = useMemo(() => qrSymbol(props.text), [props.text]);
  return (
    <svg
      role="img"
      aria-label={props.label}
      width={props.size}
      height={props.size}
      viewBox={`0 0 ${symbol.size} ${symbol.size}`}
      shapeRendering="crispEdges"
      data-testid={props.testId}
      data-qr-text={props.text}
      className="block shrink-0"
    >
      <rect width={symbol.size} height={symbol.size} fill="#ffffff" />
      <path d={symbol.path} fill="#000000" />
    </svg>
  );
}
