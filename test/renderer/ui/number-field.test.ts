// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement as h } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NumberField } from '../../../src/renderer/src/ui/NumberField';

describe('NumberField', () => {
  afterEach(cleanup);

  it('is a number input named by its label, with its bounds and placeholder', () => {
    render(
      h(NumberField, {
        label: 'Max N %',
        value: '5',
        onChange: () => {},
        min: 0,
        max: 100,
        step: 'any',
        placeholder: '100',
      }),
    );
    const input = screen.getByLabelText<HTMLInputElement>('Max N %');
    expect(input.type).toBe('number');
    expect(input.value).toBe('5');
    expect(input.min).toBe('0');
    expect(input.max).toBe('100');
    expect(input.step).toBe('any');
    expect(input.placeholder).toBe('100');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('hands the typed text on', () => {
    const onChange = vi.fn();
    render(h(NumberField, { label: 'Seed', value: '', onChange }));
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '42' } });
    expect(onChange).toHaveBeenCalledWith('42');
  });

  it('shows why a value is refused and ties it to the input', () => {
    render(
      h(NumberField, {
        label: 'k',
        value: '1',
        onChange: () => {},
        inputClassName: 'input-number',
        error: 'Must be at least 2',
      }),
    );
    const input = screen.getByLabelText<HTMLInputElement>('k');
    expect(input.className).toBe('input input-number');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText('Must be at least 2');
    expect(input.getAttribute('aria-describedby')).toBe(message.id);
  });
});
