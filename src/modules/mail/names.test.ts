// Names in greetings: only a plain first word is used, and a chat ticket's placeholder name is no name at all
// (before: "Hello Chat," in emails and "Hi Chat," from a canned reply's {{customer.first_name}}).
import { describe, expect, it } from 'vitest';
import { customerName, greeting, plainFirstName, UNNAMED_CHAT_CUSTOMER } from './templates';

describe('customer names in greetings', () => {
  it('greets by a plain first word', () => {
    expect(greeting('Ava Martinez')).toBe('Hello Ava,');
    expect(plainFirstName('  Zoë  Laurent ')).toBe('Zoë');
    expect(greeting('Lena <b>Ortiz</b>')).toBe('Hello Lena,');
    expect(greeting('<script>')).toBe('Hello,');
  });

  it("treats the chat ticket's placeholder as no name", () => {
    expect(UNNAMED_CHAT_CUSTOMER).toBe('Chat customer');
    expect(plainFirstName(UNNAMED_CHAT_CUSTOMER)).toBeNull();
    expect(greeting(' Chat customer ')).toBe('Hello,');
    expect(customerName(UNNAMED_CHAT_CUSTOMER)).toBeNull();
    expect(customerName('   ')).toBeNull();
    expect(customerName(' Ava Martinez ')).toBe('Ava Martinez');
  });
});
