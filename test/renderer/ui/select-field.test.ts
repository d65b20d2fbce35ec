// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SelectField } from '../../../src/renderer/src/ui/SelectField';

const options = [
  h('option', { key: 'a', value: '' }, 'All genes'),
  h('option', { key: 'b', value: 'S' }, 'S'),
  h('option', { key: 'c', value: 'N' }, 'N'),
];

describe('SelectField', () => {
  afterEach(cleanup);

  it('is a select named by its label, showing the value given', () => {
    render(h(SelectField, { label: 'Gene', value: 'S', onChange: () => {}, children: options }));
    const select = screen.getByLabelText<HTMLSelectElement>('Gene');
    expect(select.tagName).toBe('SELECT');
    expect(select.value).toBe('S');
    expect(select.className).toBe('input');
    expect(select.closest('.field')?.className).toBe('field field-compact');
  });

  it('hands the chosen value on', () => {
    const onChange = vi.fn();
    render(h(SelectField, { label: 'Gene', value: '', onChange, children: options }));
    fireEvent.change(screen.getByLabelText('Gene'), { target: { value: 'N' } });
    expect(onChange).toHaveBeenCalledWith('N');
  });

  it('takes extra classes, a title and disabled', () => {
    render(
      h(SelectField, {
        label: 'Pathogen',
        value: '',
        onChange: () => {},
        inputClassName: 'input-narrow',
        fieldClassName: 'field-inline',
        title: 'The reference',
        disabled: true,
        children: options,
      }),
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Pathogen');
    expect(select.className).toBe('input input-narrow');
    expect(select.title).toBe('The reference');
    expect(select.disabled).toBe(true);
    expect(select.closest('.field')?.className).toBe('field field-compact field-inline');
  });
});
