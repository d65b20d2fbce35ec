// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FilterForm,
  NumberFilterFields,
  SearchField,
} from '../../../src/renderer/src/ui/FilterForm';

describe('FilterForm', () => {
  afterEach(cleanup);

  it('is a named search form whose Clear filters works only while a filter is set', () => {
    const onClear = vi.fn();
    const { rerender } = render(
      h(FilterForm, { label: 'Filter mutations', active: false, onClear, children: null }),
    );
    const form = screen.getByRole('search', { name: 'Filter mutations' });
    expect(form.tagName).toBe('FORM');
    const clear = screen.getByRole<HTMLButtonElement>('button', { name: 'Clear filters' });
    expect(clear.disabled).toBe(true);
    rerender(h(FilterForm, { label: 'Filter mutations', active: true, onClear, children: null }));
    fireEvent.click(clear);
    expect(onClear).toHaveBeenCalledOnce();
  });

  it('is not submitted by Enter in a field', () => {
    const onChange = vi.fn();
    render(
      h(FilterForm, {
        label: 'Filter sequences',
        active: false,
        onClear: () => {},
        children: h(SearchField, { label: 'Id contains', value: 'Eng', onChange }),
      }),
    );
    const submitted = fireEvent.submit(screen.getByRole('search'));
    expect(submitted).toBe(false);
  });
});

describe('SearchField', () => {
  afterEach(cleanup);

  it('is a wide search input named by its label that hands the text on', () => {
    const onChange = vi.fn();
    render(
      h(SearchField, { label: 'Id contains', value: '', placeholder: 'e.g. England', onChange }),
    );
    const input = screen.getByLabelText<HTMLInputElement>('Id contains');
    expect(input.type).toBe('search');
    expect(input.placeholder).toBe('e.g. England');
    expect(input.closest('.field')?.className).toBe('field field-compact field-wide');
    fireEvent.change(input, { target: { value: 'England' } });
    expect(onChange).toHaveBeenCalledWith('England');
  });

  it('can stand alone as an inline search', () => {
    render(
      h(SearchField, {
        label: 'Id contains',
        value: '',
        onChange: () => {},
        fieldClassName: 'field-inline',
        inputClassName: 'input-search',
        role: 'search',
      }),
    );
    const field = screen.getByRole('search');
    expect(field.className).toBe('field field-compact field-inline');
    expect(screen.getByLabelText('Id contains').className).toBe('input input-search');
  });
});

describe('NumberFilterFields', () => {
  afterEach(cleanup);

  it('gives each bound a number field from 0 and hands on which one changed', () => {
    const onChange = vi.fn();
    render(
      h(NumberFilterFields<'min' | 'max'>, {
        fields: [
          { key: 'min', label: 'GC min %', placeholder: '0' },
          { key: 'max', label: 'GC max %', placeholder: '100' },
        ],
        values: { min: '10', max: '' },
        max: 100,
        onChange,
      }),
    );
    const min = screen.getByLabelText<HTMLInputElement>('GC min %');
    expect(min.value).toBe('10');
    expect([min.min, min.max, min.step]).toEqual(['0', '100', 'any']);
    fireEvent.change(screen.getByLabelText('GC max %'), { target: { value: '60' } });
    expect(onChange).toHaveBeenCalledWith('max', '60');
  });
});
