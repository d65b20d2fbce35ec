/** The sequences that carry one mutation: a virtualized list, fetched page by page. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { rowAt } from '../../lib/paged-rows';
import { CARRIER_PAGE_SIZE, useCarrierPagesStore } from '../qc/qc-pages.store';
import { VerdictBadge } from '../qc/VerdictBadge';
import { LoadError } from '../../ui/LoadError';

const ITEM_HEIGHT = 30;
const MAX_HEIGHT = 200;

interface CarrierListProps {
  label: string;
  selectedSeqId: string | null;
  onSelect(seqId: string): void;
}

export function CarrierList({ label, selectedSeqId, onSelect }: CarrierListProps) {
  const total = useCarrierPagesStore((state) => state.total);
  const pages = useCarrierPagesStore((state) => state.pages);
  const ensureRows = useCarrierPagesStore((state) => state.ensureRows);
  const error = useCarrierPagesStore((state) => state.error);
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders us itself on scroll
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ITEM_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total) ensureRows(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, total, ensureRows]);

  if (error) return <LoadError what="the carriers" error={error} />;
  if (total === null) return <p className="muted small">Loading carriers…</p>;

  return (
    <div
      ref={scrollRef}
      className="carrier-scroll"
      style={{ height: Math.min(MAX_HEIGHT, Math.max(1, total) * ITEM_HEIGHT + 2) }}
    >
      <ul
        className="carrier-list"
        aria-label={`Carriers of ${label}`}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const row = rowAt(pages, CARRIER_PAGE_SIZE, item.index);
          const selected = row?.seqId === selectedSeqId;
          return (
            <li
              key={item.key}
              className={`carrier-item${selected ? ' is-selected' : ''}`}
              style={{ height: ITEM_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              {row ? (
                <>
                  <button
                    type="button"
                    className="button-link cell-button mono"
                    aria-current={selected ? 'true' : undefined}
                    onClick={() => onSelect(row.seqId)}
                  >
                    {row.seqId}
                  </button>
                  <VerdictBadge verdict={row.verdict} />
                </>
              ) : (
                <span className="placeholder">…</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
