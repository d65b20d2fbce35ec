/**
 * The Tree page: a pathogen's reference tree, coloured by clade, with a classification run's
 * sequences attached to the nodes they were placed on.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PathogenSummary } from '../../../../shared/analysis-types';
import type { ClassificationSummary } from '../../../../shared/classify-types';
import type { TreeView } from '../../../../shared/tree-types';
import { api, errorMessage } from '../../api';
import { useNavigationStore } from '../../app/navigation.store';
import { SearchField } from '../../ui/FilterForm';
import { LoadError } from '../../ui/LoadError';
import { SelectField } from '../../ui/SelectField';
import { useClassifications } from '../classify/useClassifications';
import { TreeCanvas } from './TreeCanvas';
import { TreeExports } from './TreeExports';
import { PlacedDetail, TreeLegend } from './TreeSidePanel';
import type { TreeShape } from './tree-layout';
import type { Highlight } from './tree-render';
import { searchTree } from './tree-search';
import { buildScene, type TreeScene } from './tree-scene';
import { useTreeStore } from './tree.store';
import type { TreeViewport } from './useTreeViewport';

function usePathogensWithTrees(): { pathogens: PathogenSummary[]; error: string | null } {
  const [pathogens, setPathogens] = useState<PathogenSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listPathogens({}).then(
      (all) => setPathogens(all.filter((p) => p.hasTree)),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  return { pathogens, error };
}

/** First visit: the current dataset's newest run (its pathogen), else the first tree alone. */
function useInitialChoice(
  pathogens: PathogenSummary[],
  runs: ClassificationSummary[],
  ready: boolean,
) {
  const datasetId = useNavigationStore((state) => state.datasetId);
  const chosen = useTreeStore((state) => state.pathogenId);
  const choose = useTreeStore((state) => state.choose);
  useEffect(() => {
    if (chosen !== null || !ready || pathogens.length === 0) return;
    const withTree = runs.filter((r) => pathogens.some((p) => p.id === r.pathogenId));
    const run = withTree.find((r) => r.datasetId === datasetId) ?? withTree[0] ?? null;
    void choose(run?.pathogenId ?? pathogens[0]!.id, run?.id ?? null);
  }, [chosen, ready, pathogens, runs, datasetId, choose]);
}

function TreeControls({
  pathogens,
  runs,
}: {
  pathogens: PathogenSummary[];
  runs: ClassificationSummary[];
}) {
  const { pathogenId, classificationId, shape, choose, setShape } = useTreeStore();
  const ofPathogen = runs.filter((r) => r.pathogenId === pathogenId);
  return (
    <div className="toolbar tree-toolbar">
      <SelectField
        label="Pathogen"
        value={pathogenId ?? ''}
        onChange={(id) => void choose(id, null)}
      >
        {pathogens.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Sequences placed"
        value={classificationId ?? ''}
        onChange={(id) => pathogenId && void choose(pathogenId, id === '' ? null : Number(id))}
      >
        <option value="">None (the tree alone)</option>
        {ofPathogen.map((r) => (
          <option key={r.id} value={r.id}>
            {`Run ${r.id} · ${r.datasetName} · ${r.sequenceCount} sequences`}
          </option>
        ))}
      </SelectField>
      <SelectField label="Layout" value={shape} onChange={(value) => setShape(value as TreeShape)}>
        <option value="rectangular">Rectangular</option>
        <option value="radial">Radial</option>
      </SelectField>
    </div>
  );
}

interface SearchBarProps {
  query: string;
  onQuery(query: string): void;
  highlight: Highlight;
  onFind(): void;
}

function TreeSearchBar({ query, onQuery, highlight, onFind }: SearchBarProps) {
  const matches = highlight.nodes.size + highlight.placed.size;
  return (
    <form
      className="tree-search"
      onSubmit={(event) => {
        event.preventDefault();
        onFind();
      }}
    >
      <SearchField
        label="Find a node, clade or sequence"
        value={query}
        onChange={onQuery}
        placeholder="e.g. XBB.1.5, 23A or a sequence id"
      />
      <button type="submit" className="button button-small" disabled={matches === 0}>
        Show
      </button>
      {query.trim() !== '' && (
        <span className="muted" role="status">
          {highlight.nodes.size} nodes, {highlight.placed.size} sequences match
        </span>
      )}
    </form>
  );
}

/** Centres the view on the first sequence the search matches, else the first node. */
function findFirst(scene: TreeScene, highlight: Highlight, viewport: TreeViewport | null): void {
  const marker = scene.markers.find((m) => highlight.placed.has(m.placed));
  const node = highlight.nodes.values().next().value;
  if (marker) viewport?.centre(marker.x, marker.y, 8);
  else if (node !== undefined) viewport?.centre(scene.layout.x[node]!, scene.layout.y[node]!, 8);
}

function TreeBody({ view, run }: { view: TreeView; run: ClassificationSummary | null }) {
  const shape = useTreeStore((state) => state.shape);
  const [query, setQuery] = useState('');
  // The sequence chosen, for the view it was chosen in.
  const [chosen, setChosen] = useState<{ view: TreeView; index: number } | null>(null);
  const selected = chosen?.view === view ? chosen.index : null;
  const viewport = useRef<TreeViewport | null>(null);
  const scene = useMemo(() => buildScene(view, shape), [view, shape]);
  const highlight = useMemo(() => searchTree(view, query, selected), [view, query, selected]);
  return (
    <div className="tree-layout">
      <div className="tree-main">
        <div className="toolbar">
          <TreeSearchBar
            query={query}
            onQuery={setQuery}
            highlight={highlight}
            onFind={() => findFirst(scene, highlight, viewport.current)}
          />
          <TreeExports
            scene={scene}
            pathogenId={view.pathogenId}
            classificationId={view.classificationId}
          />
        </div>
        <p className="muted" role="status">
          {view.names.length.toLocaleString()} nodes · {view.placed.length.toLocaleString()}{' '}
          sequences placed
        </p>
        <TreeCanvas
          view={view}
          scene={scene}
          highlight={highlight}
          onSelect={(index) => setChosen(index === null ? null : { view, index })}
          viewportRef={(v) => {
            viewport.current = v;
          }}
        />
      </div>
      <aside className="tree-side">
        {selected !== null && (
          <PlacedDetail view={view} index={selected} run={run} onClose={() => setChosen(null)} />
        )}
        <TreeLegend view={view} scene={scene} />
      </aside>
    </div>
  );
}

export function TreePage() {
  const { pathogens, error: pathogensError } = usePathogensWithTrees();
  const { classifications, loading } = useClassifications();
  useInitialChoice(pathogens, classifications, !loading);
  const { view, loading: treeLoading, error, classificationId } = useTreeStore();
  const run = classifications.find((c) => c.id === classificationId) ?? null;
  return (
    <div className="page tree-page">
      <header className="page-header">
        <h1>Tree</h1>
        <p className="muted">
          The pathogen&apos;s reference tree, branches coloured by clade. Sequences of a
          classification run sit beside the node they were placed on: hover for mutations, click one
          to see it, scroll to zoom, drag to pan.
        </p>
      </header>
      <LoadError what="the pathogens" error={pathogensError} />
      <TreeControls pathogens={pathogens} runs={classifications} />
      <LoadError what="the tree" error={error} />
      {treeLoading && !view && <p className="muted">Loading the tree…</p>}
      {view && <TreeBody view={view} run={run} />}
    </div>
  );
}
