// Canned reply variables: filled from the data, unknown ones found, missing ones left visible and reported.
import { describe, expect, it } from 'vitest';
import { renderCanned, unknownVariables, variablesIn, type CannedValues } from './variables';

const VALUES: CannedValues = {
  'customer.first_name': 'Ava',
  'customer.name': 'Ava Martinez',
  'customer.email': 'ava.martinez@example.com',
  'order.number': 'GG-104233',
  'ticket.id': '#12',
  'ticket.answer_by': '11:30 AM today (ET)',
  'agent.name': 'Sam Stylist',
  'shop.name': 'GlowGlitch',
};

describe('canned reply variables', () => {
  it('fills every known variable, with or without spaces inside the braces', () => {
    const { text, missing } = renderCanned('Hi {{customer.first_name}}, order {{ order.number }} ({{ticket.id}}) by {{ticket.answer_by}}. {{agent.name}}, {{shop.name}}', VALUES);
    expect(text).toBe('Hi Ava, order GG-104233 (#12) by 11:30 AM today (ET). Sam Stylist, GlowGlitch');
    expect(missing).toEqual([]);
  });

  it('leaves a variable without a value in the text and reports it once, instead of sending a blank', () => {
    const { text, missing } = renderCanned('Order {{order.number}}: {{order.number}} is on its way, {{customer.first_name}}.', { ...VALUES, 'order.number': null, 'customer.first_name': '' });
    expect(text).toBe('Order {{order.number}}: {{order.number}} is on its way, {{customer.first_name}}.');
    expect(missing).toEqual(['order.number', 'customer.first_name']);
  });

  it('finds unknown variables (typos and made-up names) so saving can refuse them', () => {
    expect(unknownVariables('Hi {{customer.frist_name}}, {{order.number}} {{ constructor }} {{}}')).toEqual(['customer.frist_name', 'constructor', '']);
    expect(unknownVariables('Plain text with { single } braces')).toEqual([]);
    expect(variablesIn('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
  });

  it('does not treat a value as a template: a customer name with braces is inserted as written', () => {
    expect(renderCanned('Hi {{customer.name}}', { ...VALUES, 'customer.name': '{{shop.name}}' }).text).toBe('Hi {{shop.name}}');
  });
});
