// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadError } from '../../../src/renderer/src/ui/LoadError';

describe('LoadError', () => {
  afterEach(cleanup);

  it('announces what could not be loaded and why', () => {
    render(h(LoadError, { what: 'the models', error: 'the server is gone' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not load the models: the server is gone',
    );
  });

  it('shows nothing while there is no error', () => {
    const { container } = render(h(LoadError, { what: 'the models', error: null }));
    expect(container.innerHTML).toBe('');
  });
});
