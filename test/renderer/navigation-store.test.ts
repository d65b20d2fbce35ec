// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { pages, useNavigationStore } from '../../src/renderer/src/app/navigation.store';

describe('navigation store', () => {
  beforeEach(() => {
    useNavigationStore.setState({ page: 'import', datasetId: null });
  });
  it('starts on Import and lists the eleven pages in sidebar order', () => {
    expect(useNavigationStore.getState().page).toBe('import');
    expect(pages.map((page) => page.title)).toEqual([
      'Import',
      'Datasets',
      'Sequences',
      'QC',
      'Variants',
      'Clusters',
      'Classify',
      'Tree',
      'History',
      'Models',
      'Pathogens',
    ]);
  });
  it('keeps the selected dataset when navigating without one', () => {
    useNavigationStore.getState().selectDataset(7);
    useNavigationStore.getState().navigate('qc');
    expect(useNavigationStore.getState()).toMatchObject({ page: 'qc', datasetId: 7 });
  });
  it('switches or clears the dataset when navigation names one', () => {
    useNavigationStore.getState().selectDataset(7);
    useNavigationStore.getState().navigate('variants', 9);
    expect(useNavigationStore.getState()).toMatchObject({ page: 'variants', datasetId: 9 });
    useNavigationStore.getState().navigate('import', null);
    expect(useNavigationStore.getState().datasetId).toBeNull();
  });
});
